package org.tastemap.core.map;

import java.util.Arrays;

/**
 * The Barnes-Hut quadtree of t-SNE's repulsive forces (van der Maaten 2014): every cell holds the
 * number of points in it and their centre of mass; a cell far enough from a point stands for all of
 * its points at once. Arrays, not objects, rebuilt in place each iteration. Points at exactly the
 * same place share a leaf (its count says how many).
 */
final class QuadTree {
    private static final int MAX_DEPTH = 48;
    private int nodes;
    /** First of the 4 children of a node, or -1 for a leaf. */
    private int[] firstChild = new int[0];
    /** The point a leaf holds (the first one at its place), or -1 when empty. */
    private int[] point = new int[0];
    private int[] count = new int[0];
    private double[] cx = new double[0];
    private double[] cy = new double[0];
    private double[] half = new double[0];
    /** Sum of the positions of the points in a cell; divided by count once built (centre of mass). */
    private double[] mx = new double[0];
    private double[] my = new double[0];
    /**
     * What the traversal reads, packed per node for the cache: centre of mass x, y, squared cell
     * width, point count.
     */
    private double[] packed = new double[0];

    /** Rebuilds the tree over the n points (x[i], y[i]). */
    void build(double[] x, double[] y, int n) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            minX = Math.min(minX, x[i]);
            maxX = Math.max(maxX, x[i]);
            minY = Math.min(minY, y[i]);
            maxY = Math.max(maxY, y[i]);
        }
        nodes = 0;
        int root = newNode((minX + maxX) / 2, (minY + maxY) / 2, Math.max(maxX - minX, maxY - minY) / 2 * 1.0001 + 1e-12);
        for (int i = 0; i < n; i++) {
            insert(root, i, x[i], y[i]);
        }
        if (packed.length < 4 * nodes) {
            packed = new double[4 * count.length];
        }
        for (int c = 0; c < nodes; c++) {
            if (count[c] > 0) {
                mx[c] /= count[c];
                my[c] /= count[c];
            }
            double w = 2 * half[c];
            packed[4 * c] = mx[c];
            packed[4 * c + 1] = my[c];
            packed[4 * c + 2] = w * w;
            packed[4 * c + 3] = count[c];
        }
    }

    private void insert(int node, int i, double px, double py) {
        for (int depth = 0;; depth++) {
            count[node]++;
            mx[node] += px;
            my[node] += py;
            if (firstChild[node] < 0) {
                if (count[node] == 1) {
                    point[node] = i;
                    return;
                }
                // the earlier points of this leaf sit at one place: (sum - p) / (count - 1)
                double qx = (mx[node] - px) / (count[node] - 1);
                double qy = (my[node] - py) / (count[node] - 1);
                if ((qx == px && qy == py) || depth >= MAX_DEPTH) {
                    return;
                }
                split(node, qx, qy);
            }
            node = firstChild[node] + quadrant(node, px, py);
        }
    }

    /** Moves a leaf's earlier points (all at (qx, qy)) into a new child. */
    private void split(int node, double qx, double qy) {
        double h = half[node] / 2;
        int first = nodes;
        // children 0..3: (x < cx, y < cy), (x >= cx, y < cy), (x < cx, y >= cy), (x >= cx, y >= cy)
        newNode(cx[node] - h, cy[node] - h, h);
        newNode(cx[node] + h, cy[node] - h, h);
        newNode(cx[node] - h, cy[node] + h, h);
        newNode(cx[node] + h, cy[node] + h, h);
        firstChild[node] = first;
        int c = first + quadrant(node, qx, qy);
        count[c] = count[node] - 1;
        mx[c] = qx * count[c];
        my[c] = qy * count[c];
        point[c] = point[node];
        point[node] = -1;
    }

    private int quadrant(int node, double px, double py) {
        return (px >= cx[node] ? 1 : 0) + (py >= cy[node] ? 2 : 0);
    }

    private int newNode(double x, double y, double h) {
        if (nodes == count.length) {
            int cap = Math.max(64, nodes * 2);
            firstChild = Arrays.copyOf(firstChild, cap);
            point = Arrays.copyOf(point, cap);
            count = Arrays.copyOf(count, cap);
            cx = Arrays.copyOf(cx, cap);
            cy = Arrays.copyOf(cy, cap);
            half = Arrays.copyOf(half, cap);
            mx = Arrays.copyOf(mx, cap);
            my = Arrays.copyOf(my, cap);
        }
        int c = nodes++;
        firstChild[c] = -1;
        point[c] = -1;
        count[c] = 0;
        cx[c] = x;
        cy[c] = y;
        half[c] = h;
        mx[c] = 0;
        my[c] = 0;
        return c;
    }

    /**
     * The repulsion on a point at (px, py), which is one of the points in the tree: with
     * {@code q = 1 / (1 + d^2)} to every other point (or cell of N points whose width w satisfies
     * {@code w / d < theta}, counted N times at its centre of mass), adds
     * {@code sum q^2 (p - y_j)} to {@code out[0..1]} and returns {@code sum q} (its share of Z).
     * Safe to call from several threads once built.
     */
    double repulsion(double px, double py, double theta, double[] out, int[] stackSpace) {
        int[] st = stackSpace;
        int top = 0;
        st[top++] = 0;
        double z = 0;
        double fx = 0;
        double fy = 0;
        double theta2 = theta * theta;
        double[] nd = packed;
        int[] child = firstChild;
        while (top > 0) {
            int c = st[--top];
            int b = 4 * c;
            double n = nd[b + 3];
            if (n == 0) {
                continue;
            }
            double dx = px - nd[b];
            double dy = py - nd[b + 1];
            double d2 = dx * dx + dy * dy;
            boolean leaf = child[c] < 0;
            if (leaf && d2 == 0) {
                // the point's own leaf: the others there are at distance 0, q = 1, no force
                z += n - 1;
                continue;
            }
            if (leaf || nd[b + 2] < theta2 * d2) {
                // q = 1 / (1 + d^2); N q to Z, N q^2 (p - com) to the force
                double q = 1 / (1 + d2);
                z += n * q;
                double nq2 = n * q * q;
                fx += nq2 * dx;
                fy += nq2 * dy;
            } else {
                int f = child[c];
                st[top++] = f;
                st[top++] = f + 1;
                st[top++] = f + 2;
                st[top++] = f + 3;
            }
        }
        out[0] += fx;
        out[1] += fy;
        return z;
    }

    /** A traversal stack big enough for this tree's depth. */
    int[] newStack() {
        return new int[4 * (MAX_DEPTH + 2) + 8];
    }
}
