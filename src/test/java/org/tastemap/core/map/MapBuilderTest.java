package org.tastemap.core.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.FactorModel;

class MapBuilderTest {

    /** Artists in planted blobs (sizes), 16 factors; listeners: artist i has 1000 - i. */
    static FactorModel blobModel(int[] sizes, long seed) {
        float[] rows = KMeansTest.blobs(sizes, 16, 0.08, seed);
        int n = rows.length / 16;
        return new FactorModel(16, 1, n, new float[16], rows, AlsParams.defaults(), 1);
    }

    static int[] listeners(int n) {
        int[] l = new int[n];
        for (int i = 0; i < n; i++) {
            l[i] = 1000 - i;
        }
        return l;
    }

    @Test
    void theSameOptionsGiveTheSameMapOnOneOrTwoThreads() {
        FactorModel m = blobModel(new int[] {120, 80, 100, 60, 90}, 4);
        MapOptions o = MapOptions.defaults().withSeed(7);
        ArtistMap one = MapBuilder.build(m, listeners(450), o.withThreads(1));
        ArtistMap two = MapBuilder.build(m, listeners(450), o.withThreads(2));
        assertTrue(one.finished());
        assertEquals(MapMethod.TSNE, one.method());
        assertEquals(one, two);
    }

    @Test
    void showsThePcaViewFirstThenRefinesIt() {
        FactorModel m = blobModel(new int[] {100, 100, 100}, 5);
        List<ArtistMap> snapshots = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        ArtistMap done = MapBuilder.build(m, listeners(300), MapOptions.defaults().withThreads(2), (phase, f, s) -> {
            fractions.add(f);
            if (s != null) {
                snapshots.add(s);
            }
        }, () -> false);
        ArtistMap pca = MapBuilder.build(m, listeners(300), MapOptions.defaults().withMethod(MapMethod.PCA));
        assertEquals(MapMethod.PCA, snapshots.get(0).method());
        assertFalse(snapshots.get(0).finished(), "the PCA view of a t-SNE run is a step on the way");
        assertArrayEquals(pca.x(), snapshots.get(0).x());
        assertArrayEquals(pca.cluster(), done.cluster(), "clusters are known from the first view on");
        assertEquals(done, snapshots.get(snapshots.size() - 1), "the last snapshot is the result");
        for (int i = 1; i < fractions.size(); i++) {
            assertTrue(fractions.get(i) >= fractions.get(i - 1), "progress never goes back: " + fractions);
        }
        assertEquals(1.0, fractions.get(fractions.size() - 1));
    }

    @Test
    void cancelStopsTheLayout() {
        FactorModel m = blobModel(new int[] {300, 300}, 6);
        AtomicBoolean cancel = new AtomicBoolean();
        List<String> phases = new ArrayList<>();
        assertThrows(CancellationException.class, () -> MapBuilder.build(m, listeners(600), MapOptions.defaults(), (phase, f, s) -> {
            phases.add(phase);
            if (phase.equals("Layout")) {
                cancel.set(true);
            }
        }, cancel::get));
        assertEquals("Layout", phases.get(phases.size() - 1), "nothing is reported after the cancel: " + phases);
        assertThrows(CancellationException.class, () -> MapBuilder.build(m, listeners(600), MapOptions.defaults(), MapListener.NONE,
                () -> true));
    }

    @Test
    void umapIsRefusedWithTheMethodsThatExist() {
        FactorModel m = blobModel(new int[] {10, 10}, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MapBuilder.build(m, listeners(20), MapOptions.defaults().withMethod(MapMethod.UMAP)));
        assertTrue(e.getMessage().contains("tsne") && e.getMessage().contains("pca"), e.getMessage());
    }

    @Test
    void mapsTheMostListenedArtistsWithListenersOnly() {
        FactorModel m = blobModel(new int[] {6}, 1);
        int[] l = {5, 0, 9, 5, 1, 7};
        ArtistMap map = MapBuilder.build(m, l, MapOptions.defaults().withMaxArtists(4).withClusters(2));
        // by listeners 9 (2), 7 (5), 5 (0), 5 (3): ties by index; artist 1 has none
        assertArrayEquals(new int[] {2, 5, 0, 3}, map.artists());
        assertEquals(2, map.clusterCount());
        ArtistMap all = MapBuilder.build(m, l, MapOptions.defaults().withMaxArtists(0).withClusters(2));
        assertArrayEquals(new int[] {2, 5, 0, 3, 4}, all.artists());
    }

    /**
     * Points on the (x, y) plane of 3-D with x spread three times as far as y: the first principal
     * component is the x axis (its largest component positive), the second the y axis, so the
     * coordinates are x and y minus their means (by hand).
     */
    @Test
    void pcaProjectsOnTheAxesOfLargestSpread() {
        float[] rows = {3, 1, 0, -3, 0, 0, 6, -1, 0, 0, 0.5f, 0, -6, -0.5f, 0};
        float[][] p = Pca.project(rows, 5, 3);
        // means: x 0, y 0
        float[] x = {3, -3, 6, 0, -6};
        float[] y = {1, 0, -1, 0.5f, -0.5f};
        for (int i = 0; i < 5; i++) {
            assertEquals(x[i], p[0][i], 1e-5, "x of " + i);
            assertEquals(y[i], p[1][i], 1e-5, "y of " + i);
        }
    }
}
