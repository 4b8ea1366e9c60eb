package org.tastemap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.als.AlsTrainer;
import org.tastemap.core.als.TrainingOptions;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.eval.Metrics;
import org.tastemap.core.eval.RankingMetrics;
import org.tastemap.core.eval.Scorer;
import org.tastemap.core.eval.TrainTestSplit;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.Recommender;
import org.tastemap.core.model.ScoredItem;
import org.tastemap.core.model.TrainedModel;
import org.tastemap.io.ImportOptions;
import org.tastemap.io.Importer;
import org.tastemap.io.SyntheticLastFm;

/**
 * The whole pipeline on generated data with planted genres: generate, import, split, train with the
 * default parameters, then check that the model found the structure the generator planted.
 */
class QualityOnGeneratedDataTest {

    @Test
    void neighboursShareTheirGenreAndHeldOutMapBeatsPopularity(@TempDir Path dir) throws IOException {
        SyntheticLastFm gen = SyntheticLastFm.create(2000, 800, 17);
        Path file = dir.resolve("plays.tsv");
        gen.write(file);
        Dataset d = Importer.importFile(file, ImportOptions.lastFm()).dataset();
        TrainTestSplit split = TrainTestSplit.split(d.matrix(), 0.2, 5, 1);
        AlsParams p = AlsParams.defaults().withFactors(32).withIterations(10).withThreads(2);
        FactorModel m = AlsTrainer.train(split.train(), p, TrainingOptions.quiet()).model();

        Metrics model = RankingMetrics.evaluate(Scorer.of(m), split.train(), split.test(), 10);
        Metrics popular = RankingMetrics.evaluate(Scorer.popularity(split.train()), split.train(), split.test(), 10);
        System.out.println("held-out MAP@10: model " + model.mapAtK() + ", most popular " + popular.mapAtK());
        assertTrue(model.mapAtK() > 2 * popular.mapAtK(), "model " + model + " vs popular " + popular);

        // same-genre share among each artist's 10 nearest neighbours, against the chance that two
        // distinct artists share a genre (from the generator's ground truth)
        Recommender rec = new Recommender(new TrainedModel(d.withMatrix(split.train()), m));
        int n = d.artists().size();
        Map<String, Integer> perGenre = new HashMap<>();
        String[] genre = new String[n];
        for (int i = 0; i < n; i++) {
            genre[i] = gen.genreOf(d.artistName(i));
            perGenre.merge(genre[i], 1, Integer::sum);
        }
        double chance = 0;
        for (int c : perGenre.values()) {
            chance += (double) c * (c - 1);
        }
        chance /= (double) n * (n - 1);
        long same = 0;
        long total = 0;
        for (int i = 0; i < n; i++) {
            for (ScoredItem s : rec.similarArtists(i, 10)) {
                total++;
                if (genre[s.index()].equals(genre[i])) {
                    same++;
                }
            }
        }
        double share = (double) same / total;
        System.out.println("neighbours sharing the genre: " + share + ", chance " + chance);
        assertTrue(share > 5 * chance, "same-genre share " + share + " vs chance " + chance);
    }
}
