package org.tastemap.core.als;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tastemap.core.ReferenceCase;
import org.tastemap.core.model.Explanation;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.Recommender;
import org.tastemap.core.model.ScoredItem;
import org.tastemap.core.model.TrainedModel;

/**
 * The engine against the exact reference cases of {@code src/test/resources/reference} (an independent float64
 * numpy implementation of HKV, every row solved exactly). A float32 engine matches to about 1e-4
 * relative; the tolerances below say so.
 */
class ReferenceAlsTest {
    /** Relative tolerance of objectives, and of factors relative to the table's largest entry. */
    private static final double REL = 1e-4;

    @ParameterizedTest
    @ValueSource(strings = {"tiny-linear", "small-log"})
    void objectiveAndFactorsAfterEachHalfStepMatchTheReference(String name) {
        ReferenceCase rc = ReferenceCase.load(name);
        FactorModel init = rc.initialModel();
        float[] x = init.userFactors().clone();
        float[] y = init.itemFactors().clone();
        try (AlsEngine engine = new AlsEngine(rc.dataset.matrix(), rc.params)) {
            assertRel(rc.expected.get("objective_brute_force_at_start").getAsDouble(), engine.loss(x, y), "start loss vs dense sum");
            assertRel(rc.objective("start"), engine.loss(x, y), "start");
            engine.solveUsers(x, y);
            assertRel(rc.objective("iteration 1, after users"), engine.loss(x, y), "after users");
            engine.solveItems(x, y);
            assertRel(rc.objective("iteration 1, after artists"), engine.loss(x, y), "after artists");
            assertFactors(rc.factors("after1_user.tsv"), x, "users after 1");
            assertFactors(rc.factors("after1_item.tsv"), y, "artists after 1");
            for (int it = 2; it <= 20; it++) {
                engine.solveUsers(x, y);
                engine.solveItems(x, y);
                assertRel(rc.objective("iteration " + it), engine.loss(x, y), "iteration " + it);
            }
            assertFactors(rc.factors("after20_user.tsv"), x, "users after 20");
            assertFactors(rc.factors("after20_item.tsv"), y, "artists after 20");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-linear", "small-log"})
    void trainerWarmStartedFromTheReferenceStartReachesIteration20(String name) {
        ReferenceCase rc = ReferenceCase.load(name);
        List<Double> losses = new ArrayList<>();
        TrainingResult r = AlsTrainer.train(rc.dataset.matrix(), rc.params.withIterations(20), rc.initialModel(),
                TrainingOptions.quiet().withLoss(true).withListener(rep -> losses.add(rep.loss())));
        assertTrue(r.completed());
        assertEquals(20, r.model().iterations());
        assertEquals(20, losses.size());
        for (int it = 1; it <= 20; it++) {
            String step = it == 1 ? "iteration 1, after artists" : "iteration " + it;
            assertRel(rc.objective(step), losses.get(it - 1), step);
        }
        assertFactors(rc.factors("after20_item.tsv"), r.model().itemFactors(), "artists after 20");
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny-linear", "small-log"})
    void queriesOnThe20IterationModelMatchTheReference(String name) {
        ReferenceCase rc = ReferenceCase.load(name);
        FactorModel m = new FactorModel(rc.params.factors(), rc.dataset.users().size(), rc.dataset.artists().size(),
                rc.factorsF("after20_user.tsv"), rc.factorsF("after20_item.tsv"), rc.params, 20);
        Recommender rec = new Recommender(new TrainedModel(rc.dataset, m));

        for (Map.Entry<String, JsonElement> e : rc.expected.getAsJsonObject("recommendations_after20").entrySet()) {
            int u = rc.dataset.users().indexOf(e.getKey());
            List<ScoredItem> got = rec.recommend(u, 5, null);
            assertRanked(rc, e.getValue().getAsJsonArray(), got, "recommendations for " + e.getKey());
        }
        for (Map.Entry<String, JsonElement> e : rc.expected.getAsJsonObject("similar_artists_after20_cosine").entrySet()) {
            int i = rc.dataset.artists().indexOf(e.getKey());
            assertRanked(rc, e.getValue().getAsJsonArray(), rec.similarArtists(i, 5), "similar to " + e.getKey());
        }
        for (Map.Entry<String, JsonElement> e : rc.expected.getAsJsonObject("explanations_after20").entrySet()) {
            JsonObject ex = e.getValue().getAsJsonObject();
            int u = rc.dataset.users().indexOf(e.getKey());
            int i = rc.dataset.artists().indexOf(ex.get("artist").getAsString());
            Explanation got = rec.explain(u, i);
            assertRel(ex.get("score_refit").getAsDouble(), got.scoreRefit(), "refit score " + e.getKey());
            assertRel(ex.get("score_model").getAsDouble(), got.scoreModel(), "model score " + e.getKey());
            JsonArray parts = ex.getAsJsonArray("contributions");
            assertEquals(parts.size(), got.contributions().size(), "one contribution per played artist");
            for (int p = 0; p < parts.size(); p++) {
                JsonArray want = parts.get(p).getAsJsonArray();
                Explanation.Contribution c = got.contributions().get(p);
                assertEquals(want.get(0).getAsString(), rc.dataset.artists().id(c.item()), "contribution " + p + " of " + e.getKey());
                assertEquals(want.get(1).getAsDouble(), c.contribution(), 1e-4 * Math.max(1, Math.abs(want.get(1).getAsDouble())));
            }
            assertEquals(got.scoreRefit(), got.total(), 1e-9, "contributions add up to the refit score");
        }
        JsonObject fold = rc.expected.getAsJsonObject("fold_in_after20");
        var listens = fold.getAsJsonObject("listens").entrySet();
        int[] items = new int[listens.size()];
        float[] plays = new float[listens.size()];
        int q = 0;
        for (var e : listens) {
            items[q] = rc.dataset.artists().indexOf(e.getKey());
            plays[q++] = e.getValue().getAsFloat();
        }
        float[] x = rec.foldIn(items, plays);
        JsonArray want = fold.getAsJsonArray("factors");
        for (int c = 0; c < want.size(); c++) {
            assertEquals(want.get(c).getAsDouble(), x[c], 1e-4 * Math.max(1, Math.abs(want.get(c).getAsDouble())), "fold-in factor " + c);
        }
    }

    private static void assertRanked(ReferenceCase rc, JsonArray want, List<ScoredItem> got, String what) {
        assertEquals(want.size(), got.size(), what);
        for (int r = 0; r < want.size(); r++) {
            JsonArray w = want.get(r).getAsJsonArray();
            assertEquals(w.get(0).getAsString(), rc.dataset.artists().id(got.get(r).index()), what + " rank " + (r + 1));
            assertEquals(w.get(1).getAsDouble(), got.get(r).score(), 1e-4 * Math.max(1, Math.abs(w.get(1).getAsDouble())), what + " score " + (r + 1));
        }
    }

    private static void assertRel(double want, double got, String what) {
        assertEquals(want, got, REL * Math.abs(want), what);
    }

    private static void assertFactors(double[] want, float[] got, String what) {
        assertEquals(want.length, got.length, what);
        double scale = 0;
        for (double v : want) {
            scale = Math.max(scale, Math.abs(v));
        }
        double worst = 0;
        for (int q = 0; q < want.length; q++) {
            worst = Math.max(worst, Math.abs(want[q] - got[q]));
        }
        assertTrue(worst <= REL * scale, what + ": largest difference " + worst + " exceeds " + REL + " x " + scale);
    }
}
