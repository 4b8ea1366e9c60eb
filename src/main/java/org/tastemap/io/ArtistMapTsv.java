package org.tastemap.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.map.ArtistMap;

/**
 * Writes an artist map for other programs: a header {@code artist<TAB>x<TAB>y<TAB>cluster<TAB>listeners},
 * then one line per mapped artist in the map's order (most listeners first): the display name in the
 * project's TSV dialect (Python's {@code csv.excel_tab}, as {@link FactorExport} writes names), the
 * coordinates by {@link Float#toString(float)} (read back to the same float), the cluster (0 to k - 1)
 * and the artist's number of listeners. UTF-8, lines end with {@code \n}. The file is replaced
 * atomically: a failed write leaves an earlier file as it was.
 */
public final class ArtistMapTsv {
    public static final String HEADER = "artist\tx\ty\tcluster\tlisteners";

    private ArtistMapTsv() {
    }

    public static void write(Path file, ArtistMap map, Dataset d) throws IOException {
        AtomicFileWrite.writeStream(file, stream -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            w.append(HEADER).append('\n');
            StringBuilder line = new StringBuilder(64);
            for (int p = 0; p < map.size(); p++) {
                int a = map.artists()[p];
                line.setLength(0);
                FactorExport.appendTsvField(line, d.artistName(a));
                line.append('\t').append(map.x()[p]).append('\t').append(map.y()[p]).append('\t').append(map.cluster()[p])
                        .append('\t').append(d.matrix().itemCount(a));
                w.append(line).append('\n');
            }
            w.flush();
        });
    }
}
