package org.tastemap.io;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fast path for the Last.fm 360K file: four tab-separated columns (user sha1, artist MBID,
 * artist name, plays), no header, no quoting. Parses the bytes of a 1 MB buffer in place, finding
 * tabs and line feeds eight bytes at a time; a String is made only for a new user, a new artist or a
 * first MBID. Artists are keyed by name, and keep the first non-empty MBID seen for that name.
 */
final class LastFmReader {
    /** The longest line accepted before the file is declared not to be rows of text. */
    static final int MAX_LINE_BYTES = 16 << 20;
    private static final int BUFFER_BYTES = 1 << 20;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LINE_FEEDS = 0x0A0A0A0A0A0A0A0AL;
    private static final long TABS = 0x0909090909090909L;
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

    private final double minPlays;
    private final RowSkips skips;
    private final RowNotes notes = new RowNotes();
    private final ByteKeyIndex users = new ByteKeyIndex(1 << 16);
    private final ByteKeyIndex artists = new ByteKeyIndex(1 << 16);
    private final Triplets triplets;
    private String[] mbids = new String[1 << 16];
    /** Bit a is set once artist a has an MBID: 20 KB for 160,000 artists, so checking it stays in cache. */
    private long[] hasMbid = new long[1 << 10];
    private int lastUser = -1;
    /** Kept rows whose artist is looked up in the next batch (see {@link ByteKeyIndex#slotMeta}). */
    private static final int BATCH = 32;
    private final int[] batchUser = new int[BATCH];
    private final int[] batchArtistFrom = new int[BATCH];
    private final int[] batchArtistTo = new int[BATCH];
    private final int[] batchMbidFrom = new int[BATCH];
    private final float[] batchPlays = new float[BATCH];
    private final long[] batchLine = new long[BATCH];
    private final int[] batchHash = new int[BATCH];
    private final long[] batchMeta = new long[BATCH];
    private int batchSize;
    /** Written so the warming reads are not optimized away. */
    private int warmSink;
    private long line;
    private long rows;

    /** A reader for a file, or one part of it, of about {@code expectedRows} rows. */
    LastFmReader(double minPlays, RowSkips skips, int expectedRows) {
        this.minPlays = minPlays;
        this.skips = skips;
        this.triplets = new Triplets(expectedRows);
    }

    /** Reads a whole file on this thread. */
    static RawData read(SourceFile src, double minPlays, TextEncoding encoding, RowSkips skips, ProgressTicker ticker)
            throws IOException {
        LastFmReader reader = new LastFmReader(minPlays, skips, Triplets.capacityFor(src.size(), src.isGzip()));
        reader.scan(src.content(), src.name(), ticker);
        return reader.finish(encoding);
    }

    /**
     * Walks the file once. Every tab and line feed is an event: a tab notes a column boundary of the
     * current line, a line feed hands the line to {@link #row}. Bytes before {@code q} have been
     * scanned; the current line starts at {@code start}; its first three tabs are at t0, t1, t2.
     */
    void scan(InputStream in, String fileName, ProgressTicker ticker) throws IOException {
        byte[] buf = new byte[BUFFER_BYTES];
        int limit = 0;
        int q = 0;
        int start = 0;
        int tabs = 0;
        int t0 = 0;
        int t1 = 0;
        int t2 = 0;
        while (true) {
            // refill: finish pending rows (they point into the buffer), keep the partial line at the front, read
            flushBatch(buf);
            if (start > 0) {
                System.arraycopy(buf, start, buf, 0, limit - start);
                limit -= start;
                q -= start;
                t0 -= start;
                t1 -= start;
                t2 -= start;
                start = 0;
            }
            if (limit == buf.length) {
                if (buf.length >= MAX_LINE_BYTES) {
                    throw new ImportException(fileName, "line " + (line + 1) + " is longer than "
                            + (MAX_LINE_BYTES >> 20) + " MB: this is not a file of listening rows");
                }
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int r = in.read(buf, limit, buf.length - limit);
            ticker.tick(rows);
            boolean eof = r < 0;
            if (!eof) {
                limit += r;
            }
            int wordsEnd = eof ? q : limit - 7;
            // eight bytes at a time: m has the high bit set in each byte that may be a tab or a line feed
            // (exact for the lowest such byte, possibly spurious above it, so each candidate is checked)
            for (; q < wordsEnd; q += 8) {
                long w = (long) LONGS.get(buf, q);
                long x = w ^ LINE_FEEDS;
                long y = w ^ TABS;
                long m = ((x - ONES) & ~x | (y - ONES) & ~y) & HIGHS;
                while (m != 0) {
                    int i = q + (Long.numberOfTrailingZeros(m) >>> 3);
                    m &= m - 1;
                    byte b = buf[i];
                    if (b == '\n') {
                        row(buf, start, i, tabs, t0, t1, t2);
                        start = i + 1;
                        tabs = 0;
                    } else if (b == '\t') {
                        if (tabs == 0) {
                            t0 = i;
                        } else if (tabs == 1) {
                            t1 = i;
                        } else if (tabs == 2) {
                            t2 = i;
                        }
                        tabs++;
                    }
                }
            }
            if (eof) {
                // the last few bytes one at a time, then a last line without a line feed
                for (; q < limit; q++) {
                    byte b = buf[q];
                    if (b == '\n') {
                        row(buf, start, q, tabs, t0, t1, t2);
                        start = q + 1;
                        tabs = 0;
                    } else if (b == '\t') {
                        if (tabs == 0) {
                            t0 = q;
                        } else if (tabs == 1) {
                            t1 = q;
                        } else if (tabs == 2) {
                            t2 = q;
                        }
                        tabs++;
                    }
                }
                if (start < limit) {
                    row(buf, start, limit, tabs, t0, t1, t2);
                }
                flushBatch(buf);
                break;
            }
        }
        ticker.tick(rows);
    }

    /** One line {@code [start, lineFeed)} with its tab count and first three tab positions. */
    private void row(byte[] buf, int start, int lineFeed, int tabs, int t0, int t1, int t2) throws ImportException {
        line++;
        int end = lineFeed > start && buf[lineFeed - 1] == '\r' ? lineFeed - 1 : lineFeed;
        if (end == start) {
            return; // a blank line is not a row
        }
        rows++;
        if (tabs != 3) {
            skips.skip(SkipReason.WRONG_COLUMN_COUNT, line);
        } else if (t0 == start || t2 == t1 + 1 || end <= t2 + 1) {
            skips.skip(SkipReason.MISSING_FIELD, line);
        } else {
            double plays = parsePlays(buf, t2 + 1, end);
            if (Double.isNaN(plays)) {
                skips.skip(SkipReason.NON_NUMERIC_COUNT, line);
            } else if (plays <= 0) {
                skips.skip(SkipReason.NON_POSITIVE_COUNT, line);
            } else if (plays < minPlays) {
                skips.skip(SkipReason.BELOW_MIN_PLAYS, line);
            } else {
                // (values beyond float range were refused by parsePlays as not a number)
                if ((long) plays != plays) {
                    notes.note(ImportNote.NON_INTEGER_VALUE, line);
                }
                // the file is grouped by user: most rows repeat the previous row's user
                int u = lastUser;
                if (u < 0 || !users.keyEquals(u, buf, start, t0)) {
                    users.newKeyLine = line;
                    u = users.intern(buf, start, t0);
                    lastUser = u;
                }
                int k = batchSize++;
                batchUser[k] = u;
                batchArtistFrom[k] = t1 + 1;
                batchArtistTo[k] = t2;
                batchMbidFrom[k] = t0 + 1;
                batchPlays[k] = (float) plays;
                batchLine[k] = line;
                if (batchSize == BATCH) {
                    flushBatch(buf);
                }
            }
        }
        skips.checkEarly(rows);
    }

    /** Looks up the artists of the pending rows, warming the table for all of them first, and adds the rows. */
    private void flushBatch(byte[] buf) {
        int n = batchSize;
        for (int k = 0; k < n; k++) {
            int h = ByteKeyIndex.hash(buf, batchArtistFrom[k], batchArtistTo[k]);
            batchHash[k] = h;
            batchMeta[k] = artists.slotMeta(h);
        }
        int sink = 0;
        for (int k = 0; k < n; k++) {
            sink += artists.touchKey(batchMeta[k]);
        }
        warmSink += sink;
        for (int k = 0; k < n; k++) {
            int from = batchArtistFrom[k];
            int mbidTo = from - 1;
            artists.newKeyLine = batchLine[k];
            int a = artists.intern(buf, from, batchArtistTo[k], batchHash[k]);
            if (mbidTo > batchMbidFrom[k] && (a >>> 6 >= hasMbid.length || (hasMbid[a >>> 6] & (1L << a)) == 0)) {
                setMbid(a, buf, batchMbidFrom[k], mbidTo);
            }
            triplets.add(batchUser[k], a, batchPlays[k]);
        }
        batchSize = 0;
    }

    private void setMbid(int artist, byte[] buf, int from, int to) {
        if (artist >= mbids.length) {
            mbids = Arrays.copyOf(mbids, Math.max(artist + 1, mbids.length * 2));
        }
        if (artist >>> 6 >= hasMbid.length) {
            hasMbid = Arrays.copyOf(hasMbid, Math.max((artist >>> 6) + 1, hasMbid.length * 2));
        }
        mbids[artist] = new String(buf, from, to - from, StandardCharsets.UTF_8);
        hasMbid[artist >>> 6] |= 1L << artist;
    }

    /** Rows read so far (not counting blank lines). */
    long rows() {
        return rows;
    }

    /** Lines seen so far (including blank ones). */
    long lines() {
        return line;
    }

    /**
     * Appends what {@code next} read from the part of the file right after this reader's part: its
     * keys are interned here (so ids stay in order of first appearance in the whole file), its rows
     * renumbered and appended, its MBIDs kept where this part had none, its skips shifted to whole-file
     * line numbers.
     */
    void absorb(LastFmReader next) {
        int[] userMap = new int[next.users.size()];
        for (int id = 0; id < userMap.length; id++) {
            userMap[id] = users.internKeyOf(next.users, id, line);
        }
        int[] artistMap = new int[next.artists.size()];
        for (int id = 0; id < artistMap.length; id++) {
            int a = artists.internKeyOf(next.artists, id, line);
            artistMap[id] = a;
            if (id < next.mbids.length && next.mbids[id] != null
                    && (a >>> 6 >= hasMbid.length || (hasMbid[a >>> 6] & (1L << a)) == 0)) {
                byte[] mbid = next.mbids[id].getBytes(StandardCharsets.UTF_8);
                setMbid(a, mbid, 0, mbid.length);
            }
        }
        triplets.appendMapped(next.triplets, userMap, artistMap);
        next.triplets.release();
        skips.absorb(next.skips, line);
        notes.absorb(next.notes, line);
        line += next.line;
        rows += next.rows;
        lastUser = -1;
    }

    /** Decodes the keys (see {@link KeyDecoder}) and renumbers the rows through them. */
    RawData finish(TextEncoding encoding) {
        KeyDecoder.Decision decision = KeyDecoder.decide(encoding, users, artists);
        boolean fallback = encoding == TextEncoding.AUTO;
        KeyDecoder.Keys userKeys = KeyDecoder.decode(users, decision, fallback);
        KeyDecoder.Keys artistKeys = KeyDecoder.decode(artists, decision, fallback);
        int artistsBefore = artists.size();
        users.release();
        artists.release();
        KeyDecoder.apply(triplets, userKeys, artistKeys, skips, notes);
        String[] artistMbids = new String[artistKeys.keys().length];
        for (int a = 0; a < artistsBefore; a++) {
            int to = artistKeys.map()[a];
            if (to >= 0 && (artistMbids[to] == null || artistMbids[to].isEmpty())) {
                String mbid = a >= mbids.length || mbids[a] == null ? "" : mbids[a];
                artistMbids[to] = KeyDecoder.hasControl(mbid) ? "" : mbid;
            }
        }
        return new RawData(triplets, userKeys.keys(), artistKeys.keys(), artistKeys.keys(), artistMbids, rows,
                decision, notes);
    }

    /**
     * The play count in bytes {@code [from, to)}: digits with an optional fraction on the fast path
     * ("12", "12.0"), anything else through {@link PlayCounts#parse}. NaN when not a number.
     */
    static double parsePlays(byte[] buf, int from, int to) {
        long whole = 0;
        int p = from;
        while (p < to && buf[p] >= '0' && buf[p] <= '9') {
            whole = whole * 10 + (buf[p] - '0');
            p++;
        }
        int intDigits = p - from;
        if (p == to && intDigits > 0 && intDigits <= 18) {
            return whole;
        }
        if (p < to && buf[p] == '.' && intDigits > 0 && intDigits <= 18) {
            int f = ++p;
            long frac = 0;
            while (p < to && buf[p] >= '0' && buf[p] <= '9' && p - f < 18) {
                frac = frac * 10 + (buf[p] - '0');
                p++;
            }
            if (p == to) {
                return whole + frac / POW10[p - f];
            }
        }
        return PlayCounts.parse(new String(buf, from, to - from, StandardCharsets.UTF_8));
    }
}
