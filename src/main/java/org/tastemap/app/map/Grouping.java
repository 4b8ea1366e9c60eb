package org.tastemap.app.map;

import java.util.Locale;
import javafx.scene.paint.Color;

/**
 * What each point is coloured by: point p is in group {@code group[p]}, drawn in {@code colours[g]},
 * named {@code names[g]} in the legend, which also counts its points.
 */
public record Grouping(int[] group, String[] names, Color[] colours, int[] counts) {
    /** The grey of artists with no label. */
    static final Color NONE = Color.web("#8a949e");
    /**
     * Twenty categorical colours (Tableau 20's hues, lightened where they were too dark on the dark
     * theme's canvas; its light teal and light yellow, too close to the teal and yellow for 16 planted
     * genres, give way to a cyan and a pink), then golden-angle hues for more groups.
     */
    private static final Color[] PALETTE = {
        Color.web("#4e79a7"), Color.web("#f28e2b"), Color.web("#e15759"), Color.web("#76b7b2"), Color.web("#59a14f"),
        Color.web("#edc948"), Color.web("#b07aa1"), Color.web("#ff9da7"), Color.web("#9c755f"), Color.web("#bab0ac"),
        Color.web("#a0cbe8"), Color.web("#ffbe7d"), Color.web("#8cd17d"), Color.web("#b6992d"), Color.web("#17becf"),
        Color.web("#e377c2"), Color.web("#d37295"), Color.web("#fabfd2"), Color.web("#d4a6c8"), Color.web("#79706e"),
    };
    /** The listener-count bins of "by popularity": [1, 10), [10, 100), ... in powers of ten. */
    private static final Color[] HEAT = {
        Color.web("#440154"), Color.web("#3b528b"), Color.web("#21918c"), Color.web("#5ec962"), Color.web("#fde725"),
        Color.web("#ff9f1c"), Color.web("#ff5d5d"),
    };

    /** Categorical colour g: the palette, then hue g * 137.5 degrees (the golden angle spreads hues evenly). */
    public static Color categorical(int g) {
        return g < PALETTE.length ? PALETTE[g] : Color.hsb((g * 137.508) % 360, 0.55, 0.9);
    }

    /** By k-means cluster. */
    static Grouping clusters(MapPoints p) {
        String[] names = new String[p.clusterCount()];
        Color[] colours = new Color[names.length];
        for (int g = 0; g < names.length; g++) {
            names[g] = "Cluster " + (g + 1);
            colours[g] = categorical(g);
        }
        return of(p.cluster().clone(), names, colours);
    }

    /**
     * By listener count in powers of ten: bin b = floor(log10(listeners)) holds [10^b, 10^(b+1)), up to
     * the most popular artist's bin.
     */
    static Grouping popularity(MapPoints p, int[] listeners) {
        int[] group = new int[p.size()];
        int top = 0;
        for (int q = 0; q < group.length; q++) {
            int n = Math.max(1, listeners[p.artists()[q]]);
            group[q] = Math.min(HEAT.length - 1, (int) Math.floor(Math.log10(n) + 1e-9));
            top = Math.max(top, group[q]);
        }
        String[] names = new String[top + 1];
        Color[] colours = new Color[top + 1];
        for (int b = 0; b <= top; b++) {
            names[b] = b == HEAT.length - 1 ? plain(Math.pow(10, b)) + "+ listeners"
                    : plain(Math.pow(10, b)) + " – " + plain(Math.pow(10, b + 1)) + " listeners";
            colours[b] = HEAT[b];
        }
        return of(group, names, colours);
    }

    /** By label; artists without one (if any) form a last grey group "no label". */
    static Grouping labels(MapPoints p, String[] labels, int[] labelOf) {
        int[] group = new int[p.size()];
        boolean unlabelled = false;
        for (int q = 0; q < group.length; q++) {
            int l = labelOf[p.artists()[q]];
            group[q] = l < 0 ? labels.length : l;
            unlabelled |= l < 0;
        }
        String[] names = java.util.Arrays.copyOf(labels, labels.length + (unlabelled ? 1 : 0));
        Color[] colours = new Color[names.length];
        for (int g = 0; g < labels.length; g++) {
            colours[g] = categorical(g);
        }
        if (unlabelled) {
            names[labels.length] = "no label";
            colours[labels.length] = NONE;
        }
        return of(group, names, colours);
    }

    private static Grouping of(int[] group, String[] names, Color[] colours) {
        int[] counts = new int[names.length];
        for (int g : group) {
            counts[g]++;
        }
        return new Grouping(group, names, colours, counts);
    }

    /** 1, 10, 100, 1k, 10k, 100k, 1M (a count in plain words). */
    static String plain(double v) {
        long n = Math.round(v);
        if (n >= 1_000_000 && n % 1_000_000 == 0) {
            return n / 1_000_000 + "M";
        }
        if (n >= 1000 && n % 1000 == 0) {
            return n / 1000 + "k";
        }
        return String.format(Locale.ROOT, "%,d", n);
    }
}
