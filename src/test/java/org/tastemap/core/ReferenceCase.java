package org.tastemap.core;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.IdIndex;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.ConfidenceKind;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.SolverKind;

/**
 * One exact reference case from {@code src/test/resources/reference/NAME}, produced by an
 * independent float64 numpy implementation of HKV in which every row is solved exactly (how, and
 * what each file holds: {@code src/test/resources/reference/README.md}). Users and artists are indexed in the order of the
 * {@code init_*.tsv} files.
 */
public final class ReferenceCase {
    public final String name;
    public final Dataset dataset;
    public final AlsParams params;
    public final JsonObject expected;

    private ReferenceCase(String name) throws IOException {
        this.name = name;
        this.expected = JsonParser.parseString(read("expected.json")).getAsJsonObject();
        JsonObject p = expected.getAsJsonObject("params");
        this.params = AlsParams.defaults()
                .withFactors(p.get("factors").getAsInt())
                .withAlpha(p.get("alpha").getAsDouble())
                .withLambda(p.get("lambda").getAsDouble())
                .withConfidence(ConfidenceKind.parse(p.get("confidence").getAsString()))
                .withEps(p.get("eps").getAsDouble())
                .withSolver(SolverKind.CHOLESKY)
                .withThreads(2);
        IdIndex users = IdIndex.of(ids("init_user.tsv"));
        IdIndex artists = IdIndex.of(ids("init_item.tsv"));
        List<int[]> cells = new ArrayList<>();
        List<Float> plays = new ArrayList<>();
        for (String line : read("interactions.tsv").split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            cells.add(new int[] {users.indexOf(f[0]), artists.indexOf(f[2])});
            plays.add(Float.parseFloat(f[3]));
        }
        int n = cells.size();
        int[] u = new int[n];
        int[] i = new int[n];
        float[] v = new float[n];
        for (int q = 0; q < n; q++) {
            u[q] = cells.get(q)[0];
            i[q] = cells.get(q)[1];
            v[q] = plays.get(q);
        }
        this.dataset = Dataset.of(InteractionMatrix.fromTriplets(users.size(), artists.size(), u, i, v, n), users, artists);
    }

    public static ReferenceCase load(String name) {
        try {
            return new ReferenceCase(name);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String read(String file) throws IOException {
        try (InputStream in = ReferenceCase.class.getResourceAsStream("/reference/" + name + "/" + file)) {
            if (in == null) {
                throw new IOException("missing reference file " + name + "/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<String> ids(String file) throws IOException {
        List<String> out = new ArrayList<>();
        String[] lines = read(file).split("\n");
        for (int l = 1; l < lines.length; l++) {
            if (!lines[l].isBlank()) {
                out.add(lines[l].split("\t", -1)[0]);
            }
        }
        return out;
    }

    /** The factor table of a {@code *.tsv} file, row-major in index order, as float (as the engine stores it). */
    public float[] factorsF(String file) {
        double[] d = factors(file);
        float[] out = new float[d.length];
        for (int q = 0; q < d.length; q++) {
            out[q] = (float) d[q];
        }
        return out;
    }

    /** The factor table of a {@code *.tsv} file in double. */
    public double[] factors(String file) {
        try {
            String[] lines = read(file).split("\n");
            List<double[]> rows = new ArrayList<>();
            for (int l = 1; l < lines.length; l++) {
                if (lines[l].isBlank()) {
                    continue;
                }
                String[] f = lines[l].split("\t", -1);
                double[] r = new double[f.length - 1];
                for (int c = 1; c < f.length; c++) {
                    r[c - 1] = Double.parseDouble(f[c]);
                }
                rows.add(r);
            }
            int k = rows.get(0).length;
            double[] out = new double[rows.size() * k];
            for (int r = 0; r < rows.size(); r++) {
                System.arraycopy(rows.get(r), 0, out, r * k, k);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A model holding the start factors of this case. */
    public FactorModel initialModel() {
        return new FactorModel(params.factors(), dataset.users().size(), dataset.artists().size(),
                factorsF("init_user.tsv"), factorsF("init_item.tsv"), params, 0);
    }

    /** The objective after the step with this label ("start", "iteration 1, after users", ..., "iteration 20"). */
    public double objective(String step) {
        for (var e : expected.getAsJsonArray("objective")) {
            JsonObject o = e.getAsJsonObject();
            if (o.get("step").getAsString().equals(step)) {
                return o.get("objective").getAsDouble();
            }
        }
        throw new IllegalArgumentException("no objective for step " + step);
    }
}
