package org.tastemap.app.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tastemap.app.charts.PlainNumbers;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.ScoredItem;
import org.tastemap.core.model.TopN;

/**
 * The numbers behind the Data screen's charts, computed in one pass off the UI thread.
 *
 * @param longTail       (log10 rank, log10 listeners) of artists by popularity, thinned to about 200 points
 * @param artistsPerUser histogram of how many artists each user played
 * @param plays          histogram of log10 of the play counts, each bin labelled with its first play count
 * @param topArtists     the most-listened artists (name, listeners)
 */
public record DatasetStats(int users, int artists, long rows, double totalPlays, List<double[]> longTail,
                           List<Bin> artistsPerUser, List<Bin> plays, List<Bin> topArtists) {

    /** A histogram bar or a named bar; {@code index} is the artist of a named bar, else -1. */
    public record Bin(String label, double value, int index) {
        public Bin(String label, double value) {
            this(label, value, -1);
        }
    }

    public static DatasetStats of(Dataset d) {
        InteractionMatrix m = d.matrix();
        int n = m.numItems();
        int[] listeners = new int[n];
        for (int i = 0; i < n; i++) {
            listeners[i] = m.itemCount(i);
        }
        int[] sorted = listeners.clone();
        Arrays.sort(sorted);
        List<double[]> tail = new ArrayList<>();
        // ranks spaced evenly in log10, so the log-log plot has as many points per decade
        double last = -1;
        for (int r = 1; r <= n; r++) {
            double lr = Math.log10(r);
            if (lr - last >= 0.015 || r == n) {
                int c = sorted[n - r];
                if (c > 0) {
                    tail.add(new double[] {lr, Math.log10(c)});
                }
                last = lr;
            }
        }
        double total = 0;
        for (float v : m.userValues()) {
            total += v;
        }
        return new DatasetStats(m.numUsers(), n, m.nnz(), total, tail, artistsPerUser(m), playsHistogram(m), top(d, listeners));
    }

    private static List<Bin> artistsPerUser(InteractionMatrix m) {
        int nu = m.numUsers();
        int[] counts = new int[nu];
        for (int u = 0; u < nu; u++) {
            counts[u] = m.userCount(u);
        }
        int[] s = counts.clone();
        Arrays.sort(s);
        int max = nu == 0 ? 1 : Math.max(1, s[(int) Math.min(nu - 1, Math.round(nu * 0.99))]);
        int bins = Math.min(20, max);
        int width = (int) Math.ceil(max / (double) bins);
        double[] h = new double[bins];
        for (int c : counts) {
            h[Math.min(bins - 1, (c - 1) / width)]++;
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            int lo = b * width + 1;
            String label = b == bins - 1 ? lo + "+" : width == 1 ? Integer.toString(lo) : lo + "–" + (lo + width - 1);
            out.add(new Bin(label, h[b]));
        }
        return out;
    }

    private static List<Bin> playsHistogram(InteractionMatrix m) {
        double step = 0.25;
        double maxLog = 0;
        for (float v : m.userValues()) {
            maxLog = Math.max(maxLog, Math.log10(Math.max(1, v)));
        }
        int bins = Math.max(1, (int) Math.ceil((maxLog + 1e-9) / step));
        double[] h = new double[bins];
        for (float v : m.userValues()) {
            int b = (int) (Math.log10(Math.max(1, v)) / step);
            h[Math.min(bins - 1, b)]++;
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            // the bin's first play count in plain numbers (1, 1.8, 3.2, 5.6, 10 ... 1k): a log scale read as values
            out.add(new Bin(PlainNumbers.format(Math.pow(10, b * step)), h[b]));
        }
        return out;
    }

    private static List<Bin> top(Dataset d, int[] listeners) {
        TopN top = new TopN(12);
        for (int i = 0; i < listeners.length; i++) {
            top.offer(i, listeners[i]);
        }
        List<Bin> out = new ArrayList<>();
        for (ScoredItem s : top.sorted()) {
            out.add(new Bin(d.artistName(s.index()), s.score(), s.index()));
        }
        return out;
    }
}
