package org.tastemap.app.session;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.IdIndex;
import org.tastemap.core.data.InteractionMatrix;

/**
 * A streaming import of delimited listening files, used until the io package's Importer is wired in.
 * Bad rows are skipped and counted by reason; duplicate rows are summed; then the filters drop
 * users with too few artists and artists with too few listeners (one pass).
 */
final class BuiltInImporter {
    private static final int EXAMPLES = 5;

    private BuiltInImporter() {
    }

    static Imported importFile(Path file, ImportSettings s, ImportListener listener, BooleanSupplier cancelled)
            throws IOException {
        long total = Files.size(file);
        Columns c = s.columns();
        Map<String, Integer> users = new HashMap<>();
        Map<String, Integer> artists = new HashMap<>();
        List<String> artistNames = new ArrayList<>();
        Map<String, long[]> skipCounts = new LinkedHashMap<>();
        Map<String, List<Long>> skipExamples = new HashMap<>();
        int[] us = new int[1 << 16];
        int[] is = new int[1 << 16];
        float[] vs = new float[1 << 16];
        int n = 0;
        long rows = 0;
        long lineNo = 0;
        TextFiles.CountingStream[] counter = new TextFiles.CountingStream[1];
        try (BufferedReader r = TextFiles.open(file, counter)) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if ((lineNo == 1 && s.hasHeader()) || line.isBlank()) {
                    continue;
                }
                rows++;
                if ((rows & 0x3fff) == 0) {
                    if (cancelled.getAsBoolean()) {
                        throw new CancellationException("import cancelled");
                    }
                    listener.progress(counter[0].count(), total, rows);
                    long bad = skipCounts.values().stream().mapToLong(a -> a[0]).sum();
                    if (bad > rows / 2) {
                        throw new UserFacingException("More than half of the first " + rows + " rows could not be read.",
                                "Check the column mapping and the delimiter in the wizard's previous steps.");
                    }
                }
                List<String> f = TextFiles.split(line, s.delimiter());
                String reason = null;
                float plays = 1;
                if (f.size() <= c.maxColumn()) {
                    reason = "Too few columns";
                } else if (f.get(c.user()).isBlank()) {
                    reason = "Missing user";
                } else if (f.get(c.artist()).isBlank()) {
                    reason = "Missing artist";
                } else if (c.plays() != Columns.NONE) {
                    try {
                        plays = Float.parseFloat(f.get(c.plays()).trim());
                        if (!(plays > 0) || Float.isInfinite(plays)) {
                            reason = "Play count not positive";
                        } else if (plays < s.minPlays()) {
                            reason = "Below minimum plays";
                        }
                    } catch (NumberFormatException e) {
                        reason = "Play count not a number";
                    }
                }
                if (reason != null) {
                    skipCounts.computeIfAbsent(reason, k -> new long[1])[0]++;
                    List<Long> ex = skipExamples.computeIfAbsent(reason, k -> new ArrayList<>());
                    if (ex.size() < EXAMPLES) {
                        ex.add(lineNo);
                    }
                    continue;
                }
                String artistKey = f.get(c.artist()).trim();
                Integer a = artists.get(artistKey);
                if (a == null) {
                    a = artists.size();
                    artists.put(artistKey, a);
                    String name = c.name() == Columns.NONE ? artistKey : f.get(c.name()).trim();
                    artistNames.add(name.isEmpty() ? artistKey : name);
                }
                int u = users.computeIfAbsent(f.get(c.user()).trim(), k -> users.size());
                if (n == us.length) {
                    us = Arrays.copyOf(us, n * 2);
                    is = Arrays.copyOf(is, n * 2);
                    vs = Arrays.copyOf(vs, n * 2);
                }
                us[n] = u;
                is[n] = a;
                vs[n++] = plays;
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new UserFacingException("The compressed file is damaged or incomplete (" + e.getMessage() + ").",
                    "Download or copy the file again.", e);
        }
        listener.progress(total, total, rows);
        if (n == 0) {
            throw new UserFacingException("No row of the file could be read as user, artist and plays.",
                    "Check the column mapping and the delimiter, or choose another file.");
        }
        String[] userIds = new String[users.size()];
        users.forEach((k, v) -> userIds[v] = k);
        String[] artistIds = new String[artists.size()];
        artists.forEach((k, v) -> artistIds[v] = k);
        InteractionMatrix m = InteractionMatrix.fromTriplets(userIds.length, artistIds.length, us, is, vs, n);
        Dataset d = filter(m, userIds, artistIds, artistNames.toArray(new String[0]), s);
        if (d.matrix().nnz() == 0) {
            throw new UserFacingException("The filters removed every row.", "Lower the minimum plays, artists per user or listeners per artist.");
        }
        List<Imported.Skipped> skipped = new ArrayList<>();
        skipCounts.forEach((k, v) -> skipped.add(new Imported.Skipped(k, v[0], List.copyOf(skipExamples.get(k)))));
        long skippedRows = skipped.stream().mapToLong(Imported.Skipped::count).sum();
        String summary = String.format(Locale.ROOT, "Read %,d rows: %,d users, %,d artists, %,d plays kept; %,d rows skipped.",
                rows, d.matrix().numUsers(), d.matrix().numItems(), d.matrix().nnz(), skippedRows);
        return new Imported(d, rows, skipped, summary);
    }

    private static Dataset filter(InteractionMatrix m, String[] userIds, String[] artistIds, String[] names, ImportSettings s) {
        boolean[] keepItem = new boolean[m.numItems()];
        int items = 0;
        for (int i = 0; i < keepItem.length; i++) {
            keepItem[i] = m.itemCount(i) >= s.minListenersPerArtist();
            items += keepItem[i] ? 1 : 0;
        }
        int[] itemMap = new int[m.numItems()];
        int[] itemKeep = new int[items];
        for (int i = 0, w = 0; i < keepItem.length; i++) {
            itemMap[i] = keepItem[i] ? w : -1;
            if (keepItem[i]) {
                itemKeep[w++] = i;
            }
        }
        int[] ptr = m.userPtr();
        List<Integer> keptUsers = new ArrayList<>();
        int[] outPtr = new int[m.numUsers() + 1];
        int[] cols = new int[m.nnz()];
        float[] vals = new float[m.nnz()];
        int w = 0;
        for (int u = 0; u < m.numUsers(); u++) {
            int start = w;
            for (int p = ptr[u]; p < ptr[u + 1]; p++) {
                int i = itemMap[m.userItems()[p]];
                if (i >= 0) {
                    cols[w] = i;
                    vals[w++] = m.userValues()[p];
                }
            }
            if (w - start >= Math.max(1, s.minArtistsPerUser())) {
                keptUsers.add(u);
                outPtr[keptUsers.size()] = w;
            } else {
                w = start;
            }
        }
        int nu = keptUsers.size();
        int[] userKeep = keptUsers.stream().mapToInt(Integer::intValue).toArray();
        InteractionMatrix out = InteractionMatrix.fromCsr(nu, items, Arrays.copyOf(outPtr, nu + 1),
                Arrays.copyOf(cols, w), Arrays.copyOf(vals, w));
        String[] keptNames = new String[items];
        String[] mbids = new String[items];
        for (int i = 0; i < items; i++) {
            keptNames[i] = names[itemKeep[i]];
            mbids[i] = "";
        }
        return new Dataset(out, IdIndex.of(userIds).subset(userKeep), IdIndex.of(artistIds).subset(itemKeep), keptNames, mbids);
    }
}
