package org.tastemap.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The slow, obviously correct Last.fm reader the fast one is tested against: String.split on every
 * line, HashMaps for ids, doubles for sums.
 */
final class ReferenceImport {
    final List<String> users = new ArrayList<>();
    final List<String> artists = new ArrayList<>();
    final List<String> mbids = new ArrayList<>();
    final Cells cells = new Cells();
    long skipped;

    static ReferenceImport lastFm(String text) {
        ReferenceImport ref = new ReferenceImport();
        Map<String, Integer> userIds = new HashMap<>();
        Map<String, Integer> artistIds = new HashMap<>();
        for (String line : text.split("\n", -1)) {
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            double plays;
            try {
                plays = f.length == 4 ? Double.parseDouble(f[3]) : -1;
            } catch (NumberFormatException e) {
                plays = -1;
            }
            if (f.length != 4 || f[0].isEmpty() || f[2].isEmpty() || !(plays > 0)) {
                ref.skipped++;
                continue;
            }
            int u = userIds.computeIfAbsent(f[0], k -> {
                ref.users.add(k);
                return ref.users.size() - 1;
            });
            int a = artistIds.computeIfAbsent(f[2], k -> {
                ref.artists.add(k);
                ref.mbids.add("");
                return ref.artists.size() - 1;
            });
            if (ref.mbids.get(a).isEmpty()) {
                ref.mbids.set(a, f[1]);
            }
            ref.cells.add(u, a, plays);
        }
        return ref;
    }

    /** Summed plays per (user, artist). */
    static final class Cells {
        private final Map<Long, Double> sums = new LinkedHashMap<>();

        void add(int u, int a, double plays) {
            sums.merge(((long) u << 32) | a, plays, Double::sum);
        }

        int size() {
            return sums.size();
        }

        void forEach(BiConsumer<int[], Float> action) {
            sums.forEach((key, v) -> action.accept(new int[] {(int) (key >>> 32), (int) (long) key}, (float) (double) v));
        }
    }
}
