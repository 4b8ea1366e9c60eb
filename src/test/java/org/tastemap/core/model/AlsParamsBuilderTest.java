package org.tastemap.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The builder and the withers that delegate to it: each wither changes its own values and keeps every other. */
class AlsParamsBuilderTest {

    @Test
    void aBuilderFromParametersBuildsTheSameParameters() {
        AlsParams p = new AlsParams(16, 2.5, ConfidenceKind.BM25, 0.5, 1.2, 0.3, 7.0, true, 9, SolverKind.CHOLESKY, 4, 99L, 3);
        assertEquals(p, p.toBuilder().build());
        assertEquals(AlsParams.defaults(), AlsParams.builder().build());
    }

    @Test
    void eachWitherChangesOnlyItsOwnValues() throws Exception {
        AlsParams d = AlsParams.defaults();
        // values that differ from every default, so a changed component shows
        Map<String, UnaryOperator<AlsParams>> withers = Map.ofEntries(
                Map.entry("factors", p -> p.withFactors(17)),
                Map.entry("alpha", p -> p.withAlpha(3.5)),
                Map.entry("confidence", p -> p.withConfidence(ConfidenceKind.LINEAR)),
                Map.entry("eps", p -> p.withEps(0.25)),
                Map.entry("bm25K1,bm25B", p -> p.withBm25(1.7, 0.4)),
                Map.entry("lambda", p -> p.withLambda(12.0)),
                Map.entry("scaleLambdaByCount", p -> p.withScaleLambdaByCount(true)),
                Map.entry("iterations", p -> p.withIterations(6)),
                Map.entry("solver", p -> p.withSolver(SolverKind.CHOLESKY)),
                Map.entry("cgSteps", p -> p.withCgSteps(5)),
                Map.entry("seed", p -> p.withSeed(1234L)),
                Map.entry("threads", p -> p.withThreads(7)));
        int covered = 0;
        for (Map.Entry<String, UnaryOperator<AlsParams>> e : withers.entrySet()) {
            AlsParams changed = e.getValue().apply(d);
            assertEquals(e.getKey(), String.join(",", differing(d, changed)), "with" + e.getKey());
            covered += e.getKey().split(",").length;
        }
        assertEquals(AlsParams.class.getRecordComponents().length, covered, "every component has a wither");
    }

    private static List<String> differing(AlsParams a, AlsParams b) throws Exception {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : AlsParams.class.getRecordComponents()) {
            if (!c.getAccessor().invoke(a).equals(c.getAccessor().invoke(b))) {
                out.add(c.getName());
            }
        }
        return out;
    }
}
