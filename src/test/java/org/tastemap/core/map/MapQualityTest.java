package org.tastemap.core.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.als.AlsTrainer;
import org.tastemap.core.als.TrainingOptions;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.FactorModel;
import org.tastemap.io.ImportOptions;
import org.tastemap.io.Importer;
import org.tastemap.io.SyntheticLastFm;

class MapQualityTest {

    /**
     * Four artists: factors at 0, 10, 90 and 100 degrees, so by cosine the nearest of each is its
     * 10-degree partner (0-1, 2-3). On the map 0 (0, 0) and 1 (0.5, 0) are closest, 2 (0.5, 0.9) is
     * nearest to 1 and 3 (0, -0.9) to 0, so the 1-NN on the map are 0:1, 1:0, 2:1, 3:0: two of four
     * agree, 0.5.
     * Labels a, a, b, b: 1-NN label agreement is 1 in factor space and 0.5 on the map.
     */
    @Test
    void agreementCountsSharedNeighboursByHand() {
        float[] y = new float[8];
        double[] deg = {0, 10, 90, 100};
        for (int i = 0; i < 4; i++) {
            y[2 * i] = (float) Math.cos(Math.toRadians(deg[i]));
            y[2 * i + 1] = (float) Math.sin(Math.toRadians(deg[i]));
        }
        FactorModel m = new FactorModel(2, 1, 4, new float[2], y, AlsParams.defaults(), 1);
        ArtistMap map = new ArtistMap(new int[] {0, 1, 2, 3}, new float[] {0, 0.5f, 0.5f, 0}, new float[] {0, 0, 0.9f, -0.9f},
                new int[4], 1, MapMethod.TSNE, true);
        assertEquals(0.5, MapQuality.neighbourAgreement(m, map, 1, 1), 1e-12);
        int[] labels = {0, 0, 1, 1};
        assertEquals(1.0, MapQuality.labelAgreement(m, map, labels, 1, 1), 1e-12);
        assertEquals(0.5, MapQuality.labelAgreement(null, map, labels, 1, 1), 1e-12);
    }

    /**
     * The quality target on a small planted dataset: generated with genres (the generator's
     * ground truth), imported and trained as usual, every artist mapped; the t-SNE map's 10-NN genre
     * agreement must reach 80% of the factor space's own, and t-SNE must keep more of the cosine
     * neighbourhoods than PCA's two axes (the point of a neighbourhood-preserving layout).
     */
    @Test
    void tsneKeepsPlantedGenresTogether(@TempDir Path dir) throws IOException {
        SyntheticLastFm gen = SyntheticLastFm.create(2000, 800, 17);
        Path file = dir.resolve("plays.tsv");
        gen.write(file);
        Dataset d = Importer.importFile(file, ImportOptions.lastFm()).dataset();
        FactorModel m = AlsTrainer.train(d.matrix(), AlsParams.defaults().withFactors(32).withIterations(10).withThreads(2),
                TrainingOptions.quiet()).model();
        int n = d.artists().size();
        int[] listeners = new int[n];
        int[] genre = new int[n];
        for (int i = 0; i < n; i++) {
            listeners[i] = d.matrix().itemCount(i);
            genre[i] = gen.genres().indexOf(gen.genreOf(d.artistName(i)));
        }
        MapOptions o = MapOptions.defaults().withThreads(2);
        ArtistMap tsne = MapBuilder.build(m, listeners, o);
        ArtistMap pca = MapBuilder.build(m, listeners, o.withMethod(MapMethod.PCA));
        double factorSpace = MapQuality.labelAgreement(m, tsne, genre, 10, 2);
        double onTsne = MapQuality.labelAgreement(null, tsne, genre, 10, 2);
        double onPca = MapQuality.labelAgreement(null, pca, genre, 10, 2);
        double nnTsne = MapQuality.neighbourAgreement(m, tsne, 10, 2);
        double nnPca = MapQuality.neighbourAgreement(m, pca, 10, 2);
        System.out.printf("%d artists, %d clusters: 10-NN genre agreement factors %.3f, t-SNE %.3f, PCA %.3f;"
                + " 10-NN agreement with cosine t-SNE %.3f, PCA %.3f%n", tsne.size(), tsne.clusterCount(), factorSpace, onTsne, onPca,
                nnTsne, nnPca);
        assertTrue(onTsne >= 0.8 * factorSpace, "t-SNE " + onTsne + " vs factor space " + factorSpace);
        assertTrue(nnTsne > nnPca, "t-SNE " + nnTsne + " vs PCA " + nnPca);
    }
}
