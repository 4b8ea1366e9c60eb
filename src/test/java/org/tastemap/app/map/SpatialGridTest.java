package org.tastemap.app.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The grid's answers against a brute-force scan of every point. */
class SpatialGridTest {
    @Test
    void nearestAgreesWithAScanOfEveryPoint() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 5000;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            // clumps and outliers, as a t-SNE map has
            double cx = (i % 7) * 10;
            x[i] = (float) (cx + r.nextGaussian() * (i % 50 == 0 ? 20 : 1.5));
            y[i] = (float) ((i % 5) * 8 + r.nextGaussian() * 1.5);
        }
        SpatialGrid grid = new SpatialGrid(x, y);
        for (int q = 0; q < 2000; q++) {
            double px = r.nextDouble(-30, 90);
            double py = r.nextDouble(-20, 50);
            double radius = r.nextDouble(0.05, 6);
            boolean odd = q % 2 == 0;
            int want = -1;
            double best = radius * radius;
            for (int i = 0; i < n; i++) {
                double d2 = (x[i] - px) * (x[i] - px) + (y[i] - py) * (y[i] - py);
                if ((!odd || i % 2 == 1) && (d2 < best || d2 == best && want >= 0 && i < want)) {
                    best = d2;
                    want = i;
                }
            }
            assertEquals(want, grid.nearest(px, py, radius, i -> !odd || i % 2 == 1), "query " + q);
        }
    }

    @Test
    void candidatesOfARectangleIncludeEveryPointInIt() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 3000;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) r.nextDouble(-50, 50);
            y[i] = (float) r.nextDouble(-5, 5);
        }
        SpatialGrid grid = new SpatialGrid(x, y);
        Set<Integer> got = new HashSet<>();
        grid.candidates(-10, -1, 12, 2.5, got::add);
        int inside = 0;
        for (int i = 0; i < n; i++) {
            if (x[i] >= -10 && x[i] <= 12 && y[i] >= -1 && y[i] <= 2.5) {
                inside++;
                assertTrue(got.contains(i), "point " + i);
            }
        }
        assertTrue(inside > 100 && got.size() < n / 2, inside + " inside, " + got.size() + " candidates");
    }
}
