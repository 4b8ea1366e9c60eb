package org.tastemap.io;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts what an import did to rows it kept ({@link ImportNote}), with the first line numbers and examples. */
final class RowNotes {
    /** How many example lines and texts are kept per note. */
    static final int EXAMPLES = 5;

    private final long[] counts = new long[ImportNote.values().length];
    private final List<List<Long>> lines = new ArrayList<>();
    private final List<List<String>> texts = new ArrayList<>();

    RowNotes() {
        for (int i = 0; i < counts.length; i++) {
            lines.add(new ArrayList<>());
            texts.add(new ArrayList<>());
        }
    }

    /** Notes one row at 1-based {@code line} (0 when it has no line). */
    void note(ImportNote note, long line) {
        note(note, 1, line, null);
    }

    /** Notes {@code count} rows; {@code line} (0 for none) and {@code text} (null for none) are kept as examples. */
    void note(ImportNote note, long count, long line, String text) {
        int k = note.ordinal();
        counts[k] += count;
        if (line > 0 && lines.get(k).size() < EXAMPLES) {
            lines.get(k).add(line);
        }
        if (text != null && texts.get(k).size() < EXAMPLES) {
            texts.get(k).add(text);
        }
    }

    /** Adds the notes of the part of the file after {@code lineOffset} lines, renumbering its lines. */
    void absorb(RowNotes next, long lineOffset) {
        for (ImportNote note : ImportNote.values()) {
            int k = note.ordinal();
            counts[k] += next.counts[k];
            for (long line : next.lines.get(k)) {
                if (lines.get(k).size() < EXAMPLES) {
                    lines.get(k).add(line + lineOffset);
                }
            }
            for (String text : next.texts.get(k)) {
                if (texts.get(k).size() < EXAMPLES) {
                    texts.get(k).add(text);
                }
            }
        }
    }

    long count(ImportNote note) {
        return counts[note.ordinal()];
    }

    /** The notes for the report, line examples sorted; notes with no rows are left out. */
    Map<ImportNote, ImportReport.Noted> toMap() {
        Map<ImportNote, ImportReport.Noted> map = new EnumMap<>(ImportNote.class);
        for (ImportNote note : ImportNote.values()) {
            int k = note.ordinal();
            if (counts[k] > 0) {
                List<Long> sorted = new ArrayList<>(lines.get(k));
                sorted.sort(null);
                map.put(note, new ImportReport.Noted(counts[k], sorted, texts.get(k)));
            }
        }
        return map;
    }
}
