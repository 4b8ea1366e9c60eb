package org.tastemap.core.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the {@code n} highest scores offered to it, in a bounded min-heap over primitive arrays:
 * O(log n) per accepted offer, O(1) for the common rejection. Ties go to the lower index.
 */
public final class TopN {
    private final int capacity;
    private final int[] idx;
    private final float[] score;
    private int size;

    public TopN(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be at least 0");
        }
        this.capacity = n;
        this.idx = new int[n];
        this.score = new float[n];
    }

    /** Forgets every offer, to reuse the arrays. */
    public void clear() {
        size = 0;
    }

    /** The smallest score that would still enter, or -infinity while not full. */
    public float threshold() {
        return size < capacity ? Float.NEGATIVE_INFINITY : score[0];
    }

    public void offer(int index, float s) {
        if (capacity == 0 || Float.isNaN(s)) {
            return;
        }
        if (size < capacity) {
            int c = size++;
            idx[c] = index;
            score[c] = s;
            siftUp(c);
        } else if (worse(idx[0], score[0], index, s)) {
            idx[0] = index;
            score[0] = s;
            siftDown(0);
        }
    }

    /** True when (ia, sa) ranks below (ib, sb): lower score, or equal score and higher index. */
    private static boolean worse(int ia, float sa, int ib, float sb) {
        return sa < sb || (sa == sb && ia > ib);
    }

    private void siftUp(int c) {
        while (c > 0) {
            int parent = (c - 1) >>> 1;
            if (worse(idx[c], score[c], idx[parent], score[parent])) {
                swap(c, parent);
                c = parent;
            } else {
                return;
            }
        }
    }

    private void siftDown(int c) {
        while (true) {
            int l = 2 * c + 1;
            if (l >= size) {
                return;
            }
            int r = l + 1;
            int m = r < size && worse(idx[r], score[r], idx[l], score[l]) ? r : l;
            if (worse(idx[m], score[m], idx[c], score[c])) {
                swap(c, m);
                c = m;
            } else {
                return;
            }
        }
    }

    private void swap(int a, int b) {
        int ti = idx[a];
        idx[a] = idx[b];
        idx[b] = ti;
        float ts = score[a];
        score[a] = score[b];
        score[b] = ts;
    }

    /** The n this keeps. */
    public int capacity() {
        return capacity;
    }

    public int size() {
        return size;
    }

    /** The kept entries, best first. Does not disturb the heap. */
    public List<ScoredItem> sorted() {
        List<ScoredItem> out = new ArrayList<>(size);
        for (int c = 0; c < size; c++) {
            out.add(new ScoredItem(idx[c], score[c]));
        }
        out.sort((a, b) -> a.score() != b.score() ? Double.compare(b.score(), a.score()) : Integer.compare(a.index(), b.index()));
        return out;
    }

    /**
     * Writes the kept indexes into {@code out} best first, in the order of {@link #sorted()}, and
     * empties this TopN; returns how many. Allocates nothing, for loops over many users.
     */
    public int drainBestFirst(int[] out) {
        int n = size;
        // the root is the worst kept entry: popping it n times fills out from the back
        while (size > 0) {
            out[size - 1] = idx[0];
            size--;
            if (size > 0) {
                idx[0] = idx[size];
                score[0] = score[size];
                siftDown(0);
            }
        }
        return n;
    }

    /** The kept indexes, best first. */
    public int[] sortedIndexes() {
        List<ScoredItem> s = sorted();
        int[] out = new int[s.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = s.get(c).index();
        }
        return out;
    }
}
