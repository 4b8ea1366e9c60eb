package org.tastemap.io;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts skipped rows by reason, keeps the first line numbers of each, and stops an import whose
 * share of malformed rows is too large.
 */
final class RowSkips {
    /** How many example line numbers are kept per reason. */
    static final int EXAMPLES = 5;

    private final String fileName;
    private final double maxBadShare;
    private final int checkRows;
    private final long[] counts = new long[SkipReason.values().length];
    private final long[][] examples = new long[SkipReason.values().length][EXAMPLES];
    private long badRows;
    /** How the file is being read, named when too many rows are bad ("" when not known). */
    String layout = "";

    RowSkips(String fileName, double maxBadShare, int checkRows) {
        this.fileName = fileName;
        this.maxBadShare = maxBadShare;
        this.checkRows = checkRows;
    }

    /** Records that the row at 1-based physical {@code line} was skipped. */
    void skip(SkipReason reason, long line) {
        int r = reason.ordinal();
        if (counts[r] < EXAMPLES) {
            examples[r][(int) counts[r]] = line;
        }
        counts[r]++;
        if (reason.isBadRow()) {
            badRows++;
        }
    }

    /**
     * Records {@code count} rows skipped for {@code reason} after reading, with some of their lines;
     * the kept example lines are the smallest seen.
     */
    void skipMany(SkipReason reason, long count, List<Long> lines) {
        int r = reason.ordinal();
        List<Long> all = new ArrayList<>();
        for (int k = 0; k < Math.min(counts[r], EXAMPLES); k++) {
            all.add(examples[r][k]);
        }
        all.addAll(lines);
        all.sort(null);
        for (int k = 0; k < Math.min(all.size(), EXAMPLES); k++) {
            examples[r][k] = all.get(k);
        }
        counts[r] += count;
        if (reason.isBadRow()) {
            badRows += count;
        }
    }

    /** Adds the skips of the part of the file after {@code lineOffset} lines, renumbering its lines. */
    void absorb(RowSkips next, long lineOffset) {
        for (int r = 0; r < counts.length; r++) {
            long before = counts[r];
            long take = Math.min(Math.max(0, EXAMPLES - before), Math.min(next.counts[r], EXAMPLES));
            for (int k = 0; k < take; k++) {
                examples[r][(int) before + k] = next.examples[r][k] + lineOffset;
            }
            counts[r] = before + next.counts[r];
        }
        badRows += next.badRows;
    }

    long count(SkipReason reason) {
        return counts[reason.ordinal()];
    }

    long total() {
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        return t;
    }

    /**
     * Called after each row with the number of rows read so far: after the first {@code checkRows}
     * rows, fails when more than the allowed share of them is malformed.
     */
    void checkEarly(long rowsRead) throws ImportException {
        if (rowsRead == checkRows && badRows > maxBadShare * rowsRead) {
            throw tooManyBad(TextSniffer.percent(badRows, rowsRead) + " of the first " + rowsRead + " rows are bad");
        }
    }

    /** At the end of the file: fails when more than the allowed share of all rows is malformed. */
    void checkEnd(long rowsRead) throws ImportException {
        if (rowsRead > 0 && badRows > maxBadShare * rowsRead) {
            throw tooManyBad(rowsRead == 1 ? "the only row is bad"
                    : TextSniffer.percent(badRows, rowsRead) + " of all " + rowsRead + " rows are bad");
        }
    }

    private ImportException tooManyBad(String what) {
        return new ImportException(fileName, what + " (" + describeBad() + "; at most "
                + Math.round(maxBadShare * 100) + "% may be bad): is this the right format?"
                + (layout.isEmpty() ? "" : " It was read as " + layout + "."));
    }

    /** "wrong number of columns at lines 1, 2, 3; play count is not a number at line 7". */
    String describeBad() {
        StringBuilder sb = new StringBuilder();
        for (SkipReason reason : SkipReason.values()) {
            int r = reason.ordinal();
            if (!reason.isBadRow() || counts[r] == 0) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(reason.description()).append(counts[r] == 1 ? " at line " : " at lines ");
            int shown = (int) Math.min(counts[r], EXAMPLES);
            for (int k = 0; k < shown; k++) {
                sb.append(k == 0 ? "" : ", ").append(examples[r][k]);
            }
            if (counts[r] > EXAMPLES) {
                sb.append(", ...");
            }
        }
        return sb.toString();
    }

    /** The counts with example lines, for the report; reasons with no skipped rows are left out. */
    Map<SkipReason, ImportReport.Skipped> toMap() {
        Map<SkipReason, ImportReport.Skipped> map = new EnumMap<>(SkipReason.class);
        for (SkipReason reason : SkipReason.values()) {
            int r = reason.ordinal();
            if (counts[r] > 0) {
                List<Long> lines = new ArrayList<>();
                for (int k = 0; k < Math.min(counts[r], EXAMPLES); k++) {
                    lines.add(examples[r][k]);
                }
                map.put(reason, new ImportReport.Skipped(counts[r], List.copyOf(lines)));
            }
        }
        return map;
    }
}
