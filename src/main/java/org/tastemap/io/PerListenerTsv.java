package org.tastemap.io;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.eval.EvaluationDetail;

/**
 * The per-listener held-out results of an evaluation as a TSV (the exact dialect of
 * {@link FactorExport}), written atomically: one row per held-out artist of every evaluated
 * listener, with the header {@code listener, artist, plays, rank, in_top_K}. {@code rank} is 1 +
 * the candidates that scored strictly higher (empty when the listener had no result), and
 * {@code in_top_K} is 1 when the artist came back in the top K, else 0.
 */
public final class PerListenerTsv {
    private PerListenerTsv() {
    }

    public static void write(Path file, Dataset names, EvaluationDetail detail) throws IOException {
        int k = detail.k();
        AtomicFileWrite.writeStream(file, out -> {
            Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("listener\tartist\tplays\trank\tin_top_" + k + "\n");
            StringBuilder line = new StringBuilder();
            for (int q = 0; q < detail.size(); q++) {
                String user = names.users().id(detail.user(q));
                for (EvaluationDetail.HeldOut h : detail.heldOut(q)) {
                    line.setLength(0);
                    FactorExport.appendTsvField(line, user);
                    line.append('\t');
                    FactorExport.appendTsvField(line, names.artistName(h.artist()));
                    line.append('\t').append(plays(h.plays())).append('\t');
                    if (h.rank() > 0) {
                        line.append(h.rank());
                    }
                    line.append('\t').append(h.inTop(k) ? '1' : '0').append('\n');
                    w.write(line.toString());
                }
            }
            w.flush();
        });
    }

    /** Whole play counts without a decimal point; weights as Java writes floats (shortest exact). */
    static String plays(float v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Float.toString(v);
    }
}
