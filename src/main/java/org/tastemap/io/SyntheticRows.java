package org.tastemap.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Draws each user's rows from the tastes built by {@link SyntheticLastFm} and writes them as
 * Last.fm 360K lines. Every line is assembled from precomputed bytes into a 1 MiB buffer: no
 * formatting, no strings per row.
 */
final class SyntheticRows {
    private static final int MAX_PLAYS = 1_000_000;
    private static final int REPORT_EVERY = 1024;

    private final SyntheticLastFm gen;
    private final byte[] userIds;
    private final byte[][] names;
    private final byte[][] mbids;
    /** stamp[a] == u + 1 when user u already has artist a. */
    private final int[] stamp;
    private final byte[] buf = new byte[1 << 20];
    private int pos;
    private long bytes;

    SyntheticRows(SyntheticLastFm gen) {
        this.gen = gen;
        this.userIds = gen.userIdBytes();
        int n = gen.artistCount();
        names = new byte[n][];
        mbids = new byte[n][];
        for (int a = 0; a < n; a++) {
            names[a] = gen.name(a).getBytes(StandardCharsets.UTF_8);
            mbids[a] = gen.mbid(a).getBytes(StandardCharsets.US_ASCII);
        }
        stamp = new int[n];
    }

    SyntheticLastFm.Summary write(OutputStream out, FileProgress progress, BooleanSupplier cancelled) throws IOException {
        int users = gen.users();
        int artists = gen.artistCount();
        int cap = Math.max(1, Math.min(SyntheticLastFm.MAX_ARTISTS_PER_USER, artists / 2));
        SyntheticShape shape = gen.shape();
        double logMedianPlays = StrictMath.log(shape.medianPlays());
        int top = shape.top() > 0 ? shape.top() : Integer.MAX_VALUE;
        long[] rows = new long[cap];
        long total = 0;
        int maxCount = 0;
        int maxPlays = 0;
        for (int u = 0; u < users; u++) {
            if (u % REPORT_EVERY == 0) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("generation cancelled");
                }
                progress.update("users", u, users);
            }
            PortableRandom r = new PortableRandom(gen.userSeed(u));
            int[] fav = gen.favouredGenreIndexes(u);
            int n = artistCount(r, cap, shape.medianArtists());
            double pFav = 0.85 + 0.05 * r.unit();
            // the user's activity: log of their median plays
            double mu = logMedianPlays + 0.8 * r.gaussian();
            for (int j = 0; j < n; j++) {
                int a = pickArtist(r, u, fav, pFav);
                stamp[a] = u + 1;
                boolean favoured = indexOf(fav, gen.genreOf(a)) >= 0;
                // plays = medianPlays e^(0.8 z_user + 1.1 z), 1.5 times for a favoured genre
                double p = StrictMath.exp(mu + 1.1 * r.gaussian()) * (favoured ? 1.5 : 1.0);
                int plays = (int) Math.max(1, Math.min(MAX_PLAYS, Math.round(p)));
                rows[j] = ((long) plays << 32) | a;
            }
            // most played first; ties by artist index; only the top ones when the shape caps them
            Arrays.sort(rows, 0, n);
            int kept = Math.min(n, top);
            for (int j = n - 1; j >= n - kept; j--) {
                emit(out, u, (int) rows[j], (int) (rows[j] >>> 32));
                maxPlays = Math.max(maxPlays, (int) (rows[j] >>> 32));
            }
            total += kept;
            maxCount = Math.max(maxCount, kept);
        }
        flush(out);
        progress.update("users", users, users);
        return new SyntheticLastFm.Summary(users, artists, total, bytes, maxCount, maxPlays);
    }

    /** 4% light users with 1 to 20 artists; the rest round(median e^(0.55 z)); within [1, cap]. */
    private static int artistCount(PortableRandom r, int cap, double median) {
        int n;
        if (r.unit() < 0.04) {
            n = 1 + r.below(20);
        } else {
            n = (int) Math.round(median * StrictMath.exp(0.55 * r.gaussian()));
        }
        return Math.max(1, Math.min(cap, n));
    }

    /**
     * An artist the user does not have yet: with probability pFav from a favoured genre (chosen by
     * the user's mix for each try), else from all artists by popularity, retrying within that
     * choice so that repeats do not shift the share. After 64 repeats (a user who has nearly
     * exhausted their genres) uniformly, which succeeds at least half the time since a user has at
     * most half the artists.
     */
    private int pickArtist(PortableRandom r, int u, int[] fav, double pFav) {
        int mark = u + 1;
        boolean fromFavoured = fav.length > 0 && r.unit() < pFav;
        for (int tries = 0; ; tries++) {
            int a;
            if (tries >= 64) {
                a = r.below(stamp.length);
            } else if (fromFavoured) {
                double x = r.unit();
                int j = 0;
                while (j < fav.length - 1 && x >= gen.userMix(u, j)) {
                    j++;
                }
                int g = fav[j];
                a = gen.genreArtists(g)[SyntheticLastFm.draw(gen.genreCdf(g), r.unit())];
            } else {
                a = SyntheticLastFm.draw(gen.globalCdf(), r.unit());
            }
            if (stamp[a] != mark) {
                return a;
            }
        }
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }

    private void emit(OutputStream out, int u, int a, int plays) throws IOException {
        byte[] name = names[a];
        byte[] mbid = mbids[a];
        if (pos + 40 + mbid.length + name.length + 16 > buf.length) {
            flush(out);
        }
        System.arraycopy(userIds, 40 * u, buf, pos, 40);
        pos += 40;
        buf[pos++] = '\t';
        System.arraycopy(mbid, 0, buf, pos, mbid.length);
        pos += mbid.length;
        buf[pos++] = '\t';
        System.arraycopy(name, 0, buf, pos, name.length);
        pos += name.length;
        buf[pos++] = '\t';
        int digits = 1;
        for (int v = plays; v >= 10; v /= 10) {
            digits++;
        }
        for (int i = pos + digits - 1, v = plays; i >= pos; i--, v /= 10) {
            buf[i] = (byte) ('0' + v % 10);
        }
        pos += digits;
        buf[pos++] = '\n';
    }

    private void flush(OutputStream out) throws IOException {
        out.write(buf, 0, pos);
        bytes += pos;
        pos = 0;
    }
}
