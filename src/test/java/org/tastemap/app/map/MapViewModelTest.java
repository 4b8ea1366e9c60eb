package org.tastemap.app.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.app.Fixtures;
import org.tastemap.app.session.AppState;
import org.tastemap.app.session.ModelState;
import org.tastemap.app.task.SameThreadExecutor;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.TrainedModel;

/** The Map screen's logic over a fixed 10 x 10 grid layout (GridLayouts), so every expected point is known by hand. */
class MapViewModelTest {
    private AppState state;
    private GridLayouts layouts;
    private MapViewModel vm;
    private Fixtures.Errors errors;

    @BeforeEach
    void setUp() {
        state = Fixtures.stateWithData();
        errors = new Fixtures.Errors();
        layouts = new GridLayouts(10);
        vm = new MapViewModel(state, new SameThreadExecutor(), errors, layouts);
        state.setModel(model(1));
        vm.visibleProperty().set(true);
    }

    /** A model of random factors (the map logic does not care how they were trained). */
    private static ModelState model(long seed) {
        var d = Fixtures.data().dataset();
        int k = 4;
        SplittableRandom r = new SplittableRandom(seed);
        float[] u = new float[d.matrix().numUsers() * k];
        float[] v = new float[d.matrix().numItems() * k];
        for (int i = 0; i < u.length; i++) {
            u[i] = (float) r.nextGaussian();
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextGaussian();
        }
        FactorModel f = new FactorModel(k, d.matrix().numUsers(), d.matrix().numItems(), u, v, AlsParams.defaults(), 1);
        return ModelState.of(new TrainedModel(d, f), Double.NaN, null, false, "test");
    }

    @Test
    void openingTheScreenLaysOutTheModelOnceAndKeepsIt() {
        assertNotNull(vm.pointsProperty().get());
        assertTrue(vm.pointsProperty().get().finished());
        assertEquals(1, layouts.layouts.size());
        assertEquals(2, vm.clustersProperty().get(), "k the layout chose");
        // another screen, a new model, then the first model again: laid out from the kept copy, not again
        ModelState first = state.model();
        vm.visibleProperty().set(false);
        state.setModel(model(2));
        assertNull(vm.pointsProperty().get(), "nothing of another model is kept on show");
        vm.visibleProperty().set(true);
        assertEquals(2, layouts.layouts.size());
        vm.visibleProperty().set(false);
        state.setModel(first);
        vm.visibleProperty().set(true);
        assertEquals(2, layouts.layouts.size(), "reopening a model's map uses the kept layout");
        assertNotNull(vm.pointsProperty().get());
    }

    @Test
    void aNewModelWhileTheMapIsShownIsOfferedNotSwappedIn() {
        MapPoints before = vm.pointsProperty().get();
        state.setModel(model(3));
        assertTrue(vm.staleProperty().get());
        assertEquals(before, vm.pointsProperty().get());
        // the same factors with new facts (an opened model, measured) are not a new model
        vm.update();
        assertFalse(vm.staleProperty().get());
        ModelState m = state.model();
        state.setModel(ModelState.of(m.trained(), 123.0, null, false, "measured"));
        assertFalse(vm.staleProperty().get());
    }

    @Test
    void aLassoSelectsThePointsInsideItMostListenedFirst() {
        // the triangle (-0.5,-0.5), (9.5,-0.5), (-0.5,9.5) holds the grid points with x + y < 9: 9+8+...+1 = 45
        vm.selection().select(new Lasso(new double[] {-0.5, 9.5, -0.5}, new double[] {-0.5, -0.5, 9.5}));
        assertEquals(45, vm.selection().rows().size());
        for (MapSelection.Row r : vm.selection().rows()) {
            assertTrue(r.artist() % 10 + r.artist() / 10 < 9, r.name());
            assertEquals(state.data().dataset().matrix().itemCount(r.artist()), r.listeners());
        }
        for (int q = 1; q < vm.selection().rows().size(); q++) {
            assertTrue(vm.selection().rows().get(q - 1).listeners() >= vm.selection().rows().get(q).listeners());
        }
    }

    @Test
    void aClusterSwitchedOffInTheLegendIsNeitherHoveredNorSelected() {
        // k = 2: columns 0-4 are cluster 1, columns 5-9 cluster 2
        assertEquals(List.of("Cluster 1", "Cluster 2"), vm.legend().stream().map(LegendItem::name).toList());
        assertEquals(50, vm.legend().get(0).count());
        assertEquals(3, vm.pointAt(3.1, 0.1, 0.5));
        vm.legend().get(0).shownProperty().set(false);
        assertFalse(vm.shown(3));
        assertEquals(-1, vm.pointAt(3.1, 0.1, 0.5));
        vm.selection().select(Lasso.rectangle(-1, -1, 10, 10));
        assertEquals(50, vm.selection().rows().size());
        assertTrue(vm.selection().rows().stream().allMatch(r -> r.artist() % 10 >= 5));
        // a refined snapshot of the same groups keeps the choice
        vm.recluster(2);
        assertFalse(vm.legend().get(0).shownProperty().get());
    }

    @Test
    void changingKClustersAgainInTheBackground() {
        vm.recluster(5);
        assertEquals(List.of(5), layouts.clusterings);
        assertEquals(5, vm.legend().size());
        assertEquals(5, vm.pointsProperty().get().clusterCount());
        assertEquals(2, vm.pointsProperty().get().cluster()[4], "column 4 of 10 in 5 bands");
    }

    @Test
    void hoverTextNamesTheArtistItsListenersAndCluster() {
        String name = state.data().dataset().artistName(12);
        int listeners = state.data().dataset().matrix().itemCount(12);
        assertEquals(String.format(java.util.Locale.ROOT, "%s%n%,d listeners · cluster 1", name, listeners), vm.describe(12));
    }

    @Test
    void aLabelFileColoursTheMapAndCountsItsBadLines(@TempDir Path dir) throws Exception {
        var d = state.data().dataset();
        Path f = dir.resolve("labels.tsv");
        Files.writeString(f, d.artistName(0) + "\tjazz\n" + d.artistName(1) + "\n" + "Nobody Here\tpop\n"
                + d.artistName(2) + "\tfolk\n" + d.artistName(0) + "\tpop\n", StandardCharsets.UTF_8);
        vm.loadLabels(f);
        assertEquals(List.of(), errors.shown);
        assertEquals(MapViewModel.ColourBy.LABELS, vm.colourByProperty().get());
        assertEquals(List.of("jazz", "folk", "no label"), vm.legend().stream().map(LegendItem::name).toList());
        assertEquals(List.of(1, 1, 98), vm.legend().stream().map(LegendItem::count).toList());
        String notice = vm.noticeProperty().get();
        assertTrue(notice.contains("2 artists labelled") && notice.contains("1 bad lines skipped (line 2: no label")
                && notice.contains("1 artists not in the data (e.g. \"Nobody Here\" (line 3))")
                && notice.contains("1 repeated"), notice);
    }

    @Test
    void theSelectionIsExportedAsCsvWithPositionsAndGroups(@TempDir Path dir) throws Exception {
        vm.selection().select(Lasso.rectangle(4.5, -0.5, 5.5, 1.5));   // points (5,0) and (5,1): artists 5 and 15
        Path out = dir.resolve("sel.csv");
        vm.selection().export(out);
        var d = state.data().dataset();
        List<String> expected = new java.util.ArrayList<>(List.of("artist,listeners,x,y,group"));
        int[] artists = {5, 15};
        Arrays.sort(artists);
        List<int[]> rows = new java.util.ArrayList<>();
        for (int a : artists) {
            rows.add(new int[] {a, d.matrix().itemCount(a)});
        }
        rows.sort((p, q) -> q[1] != p[1] ? Integer.compare(q[1], p[1]) : Integer.compare(p[0], q[0]));
        for (int[] r : rows) {
            String name = d.artistName(r[0]);
            expected.add((name.contains(",") ? "\"" + name + "\"" : name) + "," + r[1] + "," + (float) (r[0] % 10) + ","
                    + (float) (r[0] / 10) + ",Cluster 2");
        }
        assertEquals(expected, Files.readAllLines(out, StandardCharsets.UTF_8));
    }

    @Test
    void aListenerOverlayMarksPlayedAndRecommendedArtists() {
        vm.overlay().showListener(7);
        MapOverlay.Shown s = vm.overlay().shownProperty().get();
        assertArrayEquals(state.played(7), s.played());
        assertEquals(MapOverlay.RECOMMENDATIONS, s.recommended().length);
        assertTrue(Arrays.stream(s.recommended()).allMatch(a -> Arrays.binarySearch(s.played(), a) < 0));
        assertTrue(vm.overlay().showListener(state.data().dataset().users().id(9)));
        assertFalse(vm.overlay().showListener("no-such-listener"));
    }

    @Test
    void searchHighlightsTheMappedMatches() {
        String name = state.data().dataset().artistName(42);
        int flights = vm.search().flightsProperty().get();
        vm.search().queryProperty().set(name);
        int[] m = vm.search().matchesProperty().get();
        assertTrue(Arrays.stream(m).anyMatch(p -> vm.pointsProperty().get().artists()[p] == 42), Arrays.toString(m));
        assertEquals(flights + 1, vm.search().flightsProperty().get());
    }
}
