package org.tastemap.app.map;

/**
 * Greedy placement of name labels on the map: a label is drawn only where it overlaps no label
 * already placed (rectangles in screen pixels, in the order asked), so that a broad search
 * labels the best matches it can without writing names over each other.
 */
final class LabelPlacer {
    private final double[] boxes;
    private int placed;

    /** Room for at most {@code max} labels. */
    LabelPlacer(int max) {
        boxes = new double[4 * max];
    }

    /** True when no more labels can be placed. */
    boolean full() {
        return 4 * placed >= boxes.length;
    }

    /** Places the label box (x, y, width, height) if it fits beside those placed; false when it would overlap or there is no room. */
    boolean place(double x, double y, double w, double h) {
        if (full()) {
            return false;
        }
        for (int b = 0; b < placed; b++) {
            double bx = boxes[4 * b];
            double by = boxes[4 * b + 1];
            // two boxes overlap when they overlap on both axes
            if (x < bx + boxes[4 * b + 2] && bx < x + w && y < by + boxes[4 * b + 3] && by < y + h) {
                return false;
            }
        }
        boxes[4 * placed] = x;
        boxes[4 * placed + 1] = y;
        boxes[4 * placed + 2] = w;
        boxes[4 * placed + 3] = h;
        placed++;
        return true;
    }
}
