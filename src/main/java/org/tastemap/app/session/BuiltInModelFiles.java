package org.tastemap.app.session;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.tastemap.core.als.AlsParams;
import org.tastemap.core.als.ConfidenceKind;
import org.tastemap.core.als.SolverKind;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.IdIndex;
import org.tastemap.core.data.InteractionMatrix;
import org.tastemap.core.model.FactorModel;
import org.tastemap.core.model.ScoredItem;
import org.tastemap.core.model.TrainedModel;

/**
 * Model files and exports used until the io package's ModelFile and exports are wired in:
 * a gzip stream of the dataset and the factors, written to a temporary file and moved into place.
 */
final class BuiltInModelFiles {
    private static final String MAGIC = "TASTEMAP-APP-MODEL-1";

    private BuiltInModelFiles() {
    }

    static void save(Path file, TrainedModel tm) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16)))) {
            out.writeUTF(MAGIC);
            Dataset d = tm.dataset();
            writeStrings(out, d.users().toArray());
            writeStrings(out, d.artists().toArray());
            writeStrings(out, d.artistNames());
            writeStrings(out, d.artistMbids());
            InteractionMatrix m = d.matrix();
            writeInts(out, m.userPtr());
            writeInts(out, m.userItems());
            writeFloats(out, m.userValues());
            FactorModel f = tm.factors();
            AlsParams p = f.params();
            out.writeInt(p.factors());
            out.writeDouble(p.alpha());
            out.writeUTF(p.confidence().name());
            out.writeDouble(p.eps());
            out.writeDouble(p.bm25K1());
            out.writeDouble(p.bm25B());
            out.writeDouble(p.lambda());
            out.writeBoolean(p.scaleLambdaByCount());
            out.writeInt(p.iterations());
            out.writeUTF(p.solver().name());
            out.writeInt(p.cgSteps());
            out.writeLong(p.seed());
            out.writeInt(p.threads());
            out.writeInt(f.iterations());
            writeFloats(out, f.userFactors());
            writeFloats(out, f.itemFactors());
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static TrainedModel load(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(Files.newInputStream(file), 1 << 16)))) {
            if (!MAGIC.equals(in.readUTF())) {
                throw new UserFacingException("This is not a Tastemap model file.", "Choose a file saved with File > Save model.");
            }
            String[] users = readStrings(in);
            String[] artists = readStrings(in);
            String[] names = readStrings(in);
            String[] mbids = readStrings(in);
            int[] ptr = readInts(in);
            int[] items = readInts(in);
            float[] vals = readFloats(in);
            InteractionMatrix m = InteractionMatrix.fromCsr(users.length, artists.length, ptr, items, vals);
            Dataset d = new Dataset(m, IdIndex.of(users), IdIndex.of(artists), names, mbids);
            AlsParams p = new AlsParams(in.readInt(), in.readDouble(), ConfidenceKind.valueOf(in.readUTF()), in.readDouble(),
                    in.readDouble(), in.readDouble(), in.readDouble(), in.readBoolean(), in.readInt(),
                    SolverKind.valueOf(in.readUTF()), in.readInt(), in.readLong(), in.readInt());
            int iterations = in.readInt();
            FactorModel f = new FactorModel(p.factors(), users.length, artists.length, readFloats(in), readFloats(in), p, iterations);
            return new TrainedModel(d, f);
        } catch (java.util.zip.ZipException | java.io.EOFException | IllegalArgumentException e) {
            throw new UserFacingException("The model file is damaged or not a Tastemap model (" + e.getMessage() + ").",
                    "Choose another model file, or train a new model and save it again.", e);
        }
    }

    static List<Path> exportFactors(TrainedModel tm, Path dir, BooleanSupplier cancelled) throws IOException {
        Files.createDirectories(dir);
        FactorModel f = tm.factors();
        Path artists = dir.resolve("artist-factors.tsv");
        Path users = dir.resolve("user-factors.tsv");
        writeTable(artists, tm.dataset().artistNames(), f.itemFactors(), f.factors(), cancelled);
        writeTable(users, tm.dataset().users().toArray(), f.userFactors(), f.factors(), cancelled);
        return List.of(artists, users);
    }

    static void writeRecommendations(Path file, TrainedModel tm, Map<Integer, List<ScoredItem>> byUser) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("user,rank,artist,score\n");
            for (Map.Entry<Integer, List<ScoredItem>> e : byUser.entrySet()) {
                String user = csv(tm.dataset().users().id(e.getKey()));
                int rank = 1;
                for (ScoredItem s : e.getValue()) {
                    w.write(user + "," + rank++ + "," + csv(tm.dataset().artistName(s.index()))
                            + String.format(Locale.ROOT, ",%.6f%n", s.score()));
                }
            }
        }
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static void writeTable(Path file, String[] ids, float[] f, int k, BooleanSupplier cancelled) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder row = new StringBuilder();
            for (int r = 0; r < ids.length; r++) {
                if ((r & 1023) == 0 && cancelled.getAsBoolean()) {
                    throw new CancellationException("export cancelled");
                }
                row.setLength(0);
                row.append(ids[r].replace('\t', ' '));
                for (int c = 0; c < k; c++) {
                    row.append('\t').append(f[r * k + c]);
                }
                w.write(row.append('\n').toString());
            }
        }
    }

    private static void writeStrings(DataOutputStream out, String[] s) throws IOException {
        out.writeInt(s.length);
        for (String v : s) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }
    }

    private static String[] readStrings(DataInputStream in) throws IOException {
        String[] s = new String[in.readInt()];
        for (int i = 0; i < s.length; i++) {
            byte[] b = new byte[in.readInt()];
            in.readFully(b);
            s[i] = new String(b, StandardCharsets.UTF_8);
        }
        return s;
    }

    private static void writeInts(DataOutputStream out, int[] a) throws IOException {
        out.writeInt(a.length);
        for (int v : a) {
            out.writeInt(v);
        }
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        int[] a = new int[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readInt();
        }
        return a;
    }

    private static void writeFloats(DataOutputStream out, float[] a) throws IOException {
        out.writeInt(a.length);
        for (float v : a) {
            out.writeFloat(v);
        }
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        float[] a = new float[in.readInt()];
        for (int i = 0; i < a.length; i++) {
            a[i] = in.readFloat();
        }
        return a;
    }

}
