package org.tastemap.core;

import java.util.SplittableRandom;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.AlsParams;

/** Small seeded matrices for engine tests. */
public final class TestData {
    private TestData() {
    }

    /**
     * Parameters for the tiny random matrices of unit tests: the product defaults (lambda = 100,
     * tuned on thousands of users) would shrink every factor of a 50-user matrix to almost zero.
     */
    public static AlsParams smallParams() {
        return AlsParams.defaults().withAlpha(2).withLambda(0.1);
    }

    /** A random users x items matrix where each cell is played with probability {@code density}, plays 1..maxPlays. */
    public static InteractionMatrix random(int users, int items, double density, int maxPlays, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int cap = users * items;
        int[] u = new int[cap];
        int[] i = new int[cap];
        float[] v = new float[cap];
        int n = 0;
        for (int a = 0; a < users; a++) {
            for (int b = 0; b < items; b++) {
                if (rnd.nextDouble() < density) {
                    u[n] = a;
                    i[n] = b;
                    v[n++] = 1 + rnd.nextInt(maxPlays);
                }
            }
            if (n == 0 || u[n - 1] != a) {
                // every user plays at least one artist
                u[n] = a;
                i[n] = rnd.nextInt(items);
                v[n++] = 1;
            }
        }
        return InteractionMatrix.fromTriplets(users, items, u, i, v, n);
    }

    /** The checkerboard: user u played artist i (once) exactly when u + i is even. */
    public static InteractionMatrix checkerboard(int users, int items) {
        int[] u = new int[users * items];
        int[] i = new int[users * items];
        float[] v = new float[users * items];
        int n = 0;
        for (int a = 0; a < users; a++) {
            for (int b = 0; b < items; b++) {
                if ((a + b) % 2 == 0) {
                    u[n] = a;
                    i[n] = b;
                    v[n++] = 1;
                }
            }
        }
        return InteractionMatrix.fromTriplets(users, items, u, i, v, n);
    }

    /**
     * {@code users} users of {@code perUser} plays each (repeats merge), with Zipf-like popularity:
     * artist index {@code ~ items^(U1 U2)} for uniform U1, U2, so low indexes are popular; plays 1..200.
     */
    public static InteractionMatrix zipf(int users, int items, int perUser, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] us = new int[users * perUser];
        int[] is = new int[users * perUser];
        float[] ps = new float[users * perUser];
        int n = 0;
        for (int u = 0; u < users; u++) {
            for (int k = 0; k < perUser; k++) {
                us[n] = u;
                is[n] = Math.min(items - 1, (int) Math.pow(items, r.nextDouble() * r.nextDouble()));
                ps[n++] = 1 + r.nextInt(200);
            }
        }
        return InteractionMatrix.fromTriplets(users, items, us, is, ps, n);
    }
}
