package org.tastemap.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.model.ScoredItem;

/** Prints ranked artists as a fixed-width table: rank, artist name (control characters escaped), score. */
final class RankedTable {
    private RankedTable() {
    }

    static void print(PrintWriter w, Dataset d, List<ScoredItem> items, String scoreHeader) {
        w.printf("%4s  %-40s %8s%n", "rank", "artist", scoreHeader);
        int rank = 1;
        for (ScoredItem s : items) {
            w.printf(Locale.ROOT, "%4d  %-40s %8.4f%n", rank++, Printable.name(d.artistName(s.index())), s.score());
        }
    }
}
