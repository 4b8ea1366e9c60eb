package org.tastemap.io;

import java.util.Arrays;

/** Growable parallel arrays of (user, artist, plays) rows, in file order. */
final class Triplets {
    int[] users;
    int[] items;
    float[] values;
    int size;

    Triplets(int initialCapacity) {
        int c = Math.max(16, initialCapacity);
        users = new int[c];
        items = new int[c];
        values = new float[c];
    }

    /** A first capacity for a file of {@code bytes} on disk: about 80 bytes a row, 4x that when compressed. */
    static int capacityFor(long bytes, boolean gzip) {
        long rows = (gzip ? bytes * 4 : bytes) / 80 + 1024;
        return (int) Math.min(rows, 1 << 26);
    }

    void add(int user, int item, float value) {
        if (size == users.length) {
            grow();
        }
        users[size] = user;
        items[size] = item;
        values[size] = value;
        size++;
    }

    private void grow() {
        long c = (long) users.length + (users.length >> 1);
        if (c > Integer.MAX_VALUE - 16) {
            if (users.length >= Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("more than " + users.length + " rows");
            }
            c = Integer.MAX_VALUE - 16;
        }
        users = Arrays.copyOf(users, (int) c);
        items = Arrays.copyOf(items, (int) c);
        values = Arrays.copyOf(values, (int) c);
    }

    /** Appends the rows of {@code other} with their user and item ids mapped. */
    void appendMapped(Triplets other, int[] userMap, int[] itemMap) {
        long needed = (long) size + other.size;
        if (needed > users.length) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("more than " + (Integer.MAX_VALUE - 16) + " rows");
            }
            users = Arrays.copyOf(users, (int) needed);
            items = Arrays.copyOf(items, (int) needed);
            values = Arrays.copyOf(values, (int) needed);
        }
        for (int p = 0; p < other.size; p++) {
            users[size + p] = userMap[other.users[p]];
            items[size + p] = itemMap[other.items[p]];
        }
        System.arraycopy(other.values, 0, values, size, other.size);
        size += other.size;
    }

    /** Rewrites user and item ids through the maps (used when two keys turned out to be the same id). */
    void remap(int[] userMap, int[] itemMap) {
        for (int p = 0; p < size; p++) {
            if (userMap != null) {
                users[p] = userMap[users[p]];
            }
            if (itemMap != null) {
                items[p] = itemMap[items[p]];
            }
        }
    }

    /** Lets the arrays go once a matrix was built from them. */
    void release() {
        users = new int[0];
        items = new int[0];
        values = new float[0];
        size = 0;
    }
}
