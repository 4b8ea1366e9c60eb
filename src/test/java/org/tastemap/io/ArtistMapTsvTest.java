package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.IdIndex;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.map.ArtistMap;
import org.tastemap.core.map.MapMethod;

class ArtistMapTsvTest {

    /**
     * The rows as Python's csv.excel_tab reads them (the export's dialect, by hand): a name starting
     * with a quote is quoted with its quotes doubled, a tab inside a name becomes a space, quotes
     * inside a name stay bare; floats as Float.toString writes them; listeners from the matrix.
     */
    @Test
    void writesTheContractsColumnsInTheExportDialect(@TempDir Path dir) throws IOException {
        // artist 0 has 2 listeners, artist 1 has 1, artist 2 has 1
        InteractionMatrix m = InteractionMatrix.fromTriplets(2, 3, new int[] {0, 1, 0, 1}, new int[] {0, 0, 1, 2},
                new float[] {3, 1, 2, 5}, 4);
        Dataset d = Dataset.of(m, IdIndex.of("u1", "u2"), IdIndex.of("\"Weird Al\" Yankovic", "Tab\tName", "Guns \"N\" Roses"));
        ArtistMap map = new ArtistMap(new int[] {0, 2, 1}, new float[] {1.5f, -0.1f, 1e-8f}, new float[] {0, 2.25f, -3},
                new int[] {1, 0, 1}, 2, MapMethod.TSNE, true);
        Path file = dir.resolve("map.tsv");
        ArtistMapTsv.write(file, map, d);
        assertEquals(List.of("artist\tx\ty\tcluster\tlisteners",
                "\"\"\"Weird Al\"\" Yankovic\"\t1.5\t0.0\t1\t2",
                "Guns \"N\" Roses\t-0.1\t2.25\t0\t1",
                "Tab Name\t1.0E-8\t-3.0\t1\t1"), Files.readAllLines(file, StandardCharsets.UTF_8));
    }
}
