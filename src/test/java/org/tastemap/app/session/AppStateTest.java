package org.tastemap.app.session;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.tastemap.app.Fixtures;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.TrainedModel;

/** Which data a model survives: the same users and artists in the same order, nothing else. */
class AppStateTest {
    private static ModelState modelOn(Dataset d) {
        int k = 4;
        FactorModel f = new FactorModel(k, d.users().size(), d.artists().size(), new float[d.users().size() * k],
                new float[d.artists().size() * k], AlsParams.defaults().withFactors(k), 1);
        return ModelState.of(new TrainedModel(d, f), Double.NaN, null, false, "test");
    }

    private static int[] reversed(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = n - 1 - i;
        }
        return order;
    }

    @Test
    void aModelStaysWithTheDataItWasTrainedOnAndWithItsHeldOutPart() {
        AppState state = Fixtures.stateWithData();
        LoadedData data = Fixtures.data();
        ModelState full = modelOn(data.dataset());
        state.setModel(full);
        state.setData(data);
        assertSame(full, state.model());
        // a held-out model was trained on the split's training matrix: same ids, other plays
        ModelState heldOut = modelOn(data.dataset().withMatrix(data.split().train()));
        state.setModel(heldOut);
        state.setData(LoadedData.prepare(data.dataset(), "again.tsv"));
        assertSame(heldOut, state.model());
    }

    @Test
    void theSameShapeInAnotherNumberingDropsTheModel() {
        // what a model saved from a file-order import meets when the file is imported again in community order
        AppState state = Fixtures.stateWithData();
        Dataset d = Fixtures.data().dataset();
        state.setModel(modelOn(d));
        Dataset renumbered = d.permuted(reversed(d.users().size()), reversed(d.artists().size()));
        state.setData(LoadedData.prepare(renumbered, "renumbered.tsv"));
        assertNull(state.model());
    }

    @Test
    void noDataDropsTheModel() {
        AppState state = Fixtures.stateWithData();
        state.setModel(modelOn(Fixtures.data().dataset()));
        state.setData(null);
        assertNull(state.model());
    }

    @Test
    void aSampledModelsOwnDataIsASampleUntilTheFullDataIsImported() {
        // a Spark-trained model opened alone: its data is its own sample of every 3rd listener's history
        LoadedData full = Fixtures.data();
        int users = full.dataset().users().size();
        TrainedModel sampled = modelOn(full.dataset()).trained()
                .keepHistoriesOf(java.util.stream.IntStream.iterate(0, u -> u < users, u -> u + 3).toArray());
        AppState state = new AppState();
        state.setData(LoadedData.prepare(sampled.dataset(), "spark.tsm"));
        state.setModel(ModelState.of(sampled, Double.NaN, null, false, "spark.tsm"));
        org.junit.jupiter.api.Assertions.assertTrue(state.dataIsSample());
        // saving it keeps it sampled: not a "complete" model of the sample's rows
        assertSame(sampled, state.modelWithData());

        // importing the data it came from (same ids, every row) makes it a model of every history
        state.setData(full);
        org.junit.jupiter.api.Assertions.assertFalse(state.dataIsSample());
        org.junit.jupiter.api.Assertions.assertTrue(state.model().trained().histories().isComplete());
        assertSame(full.dataset(), state.model().trained().dataset());
        assertSame(sampled.factors(), state.model().trained().factors());
    }
}
