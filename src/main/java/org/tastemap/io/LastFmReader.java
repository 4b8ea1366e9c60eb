package org.tastemap.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The fast path for the Last.fm 360K file: four tab-separated columns (user sha1, artist MBID,
 * artist name, plays), no header, no quoting. Parses bytes of a 1 MB buffer in place; a String is
 * made only for a new user, a new artist or a first MBID. Artists are keyed by name, and keep the
 * first non-empty MBID seen for that name.
 */
final class LastFmReader {
    /** The longest line accepted before the file is declared not to be rows of text. */
    static final int MAX_LINE_BYTES = 16 << 20;
    private static final int BUFFER_BYTES = 1 << 20;
    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18};

    private LastFmReader() {
    }

    static RawData read(SourceFile src, double minPlays, RowSkips skips, ProgressTicker ticker) throws IOException {
        InputStream in = src.content();
        byte[] buf = new byte[BUFFER_BYTES];
        int pos = 0;
        int limit = 0;
        boolean eof = false;
        long line = 0;
        long rows = 0;
        ByteKeyIndex users = new ByteKeyIndex(1 << 16);
        ByteKeyIndex artists = new ByteKeyIndex(1 << 16);
        String[] mbids = new String[1 << 16];
        Triplets triplets = new Triplets(Triplets.capacityFor(src.size(), src.isGzip()));
        int lastUser = -1;

        while (true) {
            // scan one line, noting its first three tabs: [pos, p) with buf[p] == '\n' or p == limit at eof
            int p = pos;
            int tabs = 0;
            int t0 = 0;
            int t1 = 0;
            int t2 = 0;
            while (true) {
                if (p == limit) {
                    if (eof) {
                        break;
                    }
                    // refill: keep the partial line, read more, and scan the line again
                    if (pos > 0) {
                        System.arraycopy(buf, pos, buf, 0, limit - pos);
                        limit -= pos;
                        pos = 0;
                    }
                    if (limit == buf.length) {
                        if (buf.length >= MAX_LINE_BYTES) {
                            throw new ImportException(src.name(), "line " + (line + 1) + " is longer than "
                                    + (MAX_LINE_BYTES >> 20) + " MB: this is not a file of listening rows");
                        }
                        buf = Arrays.copyOf(buf, buf.length * 2);
                    }
                    int r = in.read(buf, limit, buf.length - limit);
                    if (r < 0) {
                        eof = true;
                    } else {
                        limit += r;
                    }
                    ticker.tick(rows);
                    p = pos;
                    tabs = 0;
                    continue;
                }
                byte b = buf[p];
                if (b == '\n') {
                    break;
                }
                if (b == '\t') {
                    if (tabs == 0) {
                        t0 = p;
                    } else if (tabs == 1) {
                        t1 = p;
                    } else if (tabs == 2) {
                        t2 = p;
                    }
                    tabs++;
                }
                p++;
            }
            if (eof && pos == limit) {
                break;
            }
            line++;
            int end = p > pos && buf[p - 1] == '\r' ? p - 1 : p;
            if (end > pos) {
                rows++;
                if (tabs != 3) {
                    skips.skip(SkipReason.WRONG_COLUMN_COUNT, line);
                } else if (t0 == pos || t2 == t1 + 1 || end == t2 + 1) {
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
                        // the file is grouped by user: most rows repeat the previous row's user
                        int u;
                        if (lastUser >= 0 && users.keyEquals(lastUser, buf, pos, t0)) {
                            u = lastUser;
                        } else {
                            u = users.intern(buf, pos, t0);
                            lastUser = u;
                        }
                        int a = artists.intern(buf, t1 + 1, t2);
                        if (a == mbids.length) {
                            mbids = Arrays.copyOf(mbids, mbids.length * 2);
                        }
                        if (mbids[a] == null && t1 > t0 + 1) {
                            mbids[a] = new String(buf, t0 + 1, t1 - t0 - 1, StandardCharsets.UTF_8);
                        }
                        triplets.add(u, a, (float) plays);
                    }
                }
                skips.checkEarly(rows);
            }
            pos = p < limit ? p + 1 : p;
        }
        ticker.tick(rows);
        return finish(users, artists, mbids, triplets, rows);
    }

    private static RawData finish(ByteKeyIndex users, ByteKeyIndex artists, String[] mbids, Triplets triplets, long rows) {
        int[][] remap = new int[1][];
        String[] userIds = users.decodeUnique(remap);
        int[] userMap = remap[0];
        String[] artistKeys = artists.decodeUnique(remap);
        int[] artistMap = remap[0];
        int artistsBefore = artists.size();
        users.release();
        artists.release();
        String[] artistMbids = new String[artistKeys.length];
        for (int a = 0; a < artistsBefore; a++) {
            int to = artistMap == null ? a : artistMap[a];
            if (artistMbids[to] == null || artistMbids[to].isEmpty()) {
                artistMbids[to] = mbids[a] == null ? "" : mbids[a];
            }
        }
        if (userMap != null || artistMap != null) {
            triplets.remap(userMap, artistMap);
        }
        return new RawData(triplets, userIds, artistKeys, artistKeys, artistMbids, rows);
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
