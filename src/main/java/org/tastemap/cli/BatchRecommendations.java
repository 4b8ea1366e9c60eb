package org.tastemap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ExecutionException;
import java.util.function.IntPredicate;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.model.Recommender;
import org.tastemap.core.model.ScoredItem;
import org.tastemap.io.RecommendationCsv;

/**
 * Every listener's recommendations, streamed to a CSV: listeners are scored a block at a time on
 * all cores and the block is written in model order before the next, so memory holds one block
 * (at most about {@value #ITEMS_PER_BLOCK} recommendations), not every list.
 */
final class BatchRecommendations {
    /** Recommendations held at once: 4M x (index + score + object) is about 100 MB at most. */
    static final int ITEMS_PER_BLOCK = 1 << 22;
    static final int MAX_BLOCK_USERS = 256;

    private BatchRecommendations() {
    }

    /** One listener's top n; played artists ranked too unless {@code excludePlayed}. */
    static List<ScoredItem> one(Recommender r, int u, int n, boolean excludePlayed) {
        return one(r, u, n, excludePlayed, null);
    }

    /** The same among the artists {@code allowed} accepts (null: all). */
    static List<ScoredItem> one(Recommender r, int u, int n, boolean excludePlayed, IntPredicate allowed) {
        if (excludePlayed) {
            return r.recommend(u, n, allowed);
        }
        return r.recommendFor(r.model().userVector(u), new int[0], n, allowed);
    }

    /**
     * Writes the top n of every listener whose history the model holds (every listener, unless the
     * model holds a sample) to {@code file} atomically, reporting progress on {@code progress} at
     * every tenth of the listeners.
     */
    static void write(Recommender r, int n, boolean excludePlayed, Path file, PrintWriter progress) throws IOException {
        write(r, n, excludePlayed, null, file, progress);
    }

    /** The same among the artists {@code allowed} accepts (null: all). */
    static void write(Recommender r, int n, boolean excludePlayed, IntPredicate allowed, Path file, PrintWriter progress)
            throws IOException {
        Dataset d = r.trained().dataset();
        int[] who = r.trained().histories().heldUsers();
        int users = who.length;
        int perUser = Math.max(1, Math.min(n, d.artists().size()));
        int block = Math.max(1, Math.min(MAX_BLOCK_USERS, ITEMS_PER_BLOCK / perUser));
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads, t -> {
            Thread th = new Thread(t, "tastemap-recommend");
            th.setDaemon(true);
            return th;
        });
        try {
            RecommendationCsv.write(file, rows -> {
                int nextReport = 1;
                for (int from = 0; from < users; from += block) {
                    int to = Math.min(users, from + block);
                    List<Future<List<ScoredItem>>> lists = new ArrayList<>(to - from);
                    for (int u = from; u < to; u++) {
                        int user = who[u];
                        lists.add(pool.submit(() -> one(r, user, n, excludePlayed, allowed)));
                    }
                    for (int u = from; u < to; u++) {
                        List<ScoredItem> items = get(lists.get(u - from));
                        List<RecommendationCsv.ScoredArtist> named = new ArrayList<>(items.size());
                        for (ScoredItem s : items) {
                            named.add(new RecommendationCsv.ScoredArtist(d.artistName(s.index()), s.score()));
                        }
                        rows.add(d.users().id(who[u]), named);
                    }
                    // a line at each tenth: 10 * done / users passes the next report's tenth
                    while (nextReport <= 10 && 10L * to >= (long) nextReport * users) {
                        progress.printf(Locale.ROOT, "recommended for %,d of %,d listeners (%d%%)%n", to, users, 10 * nextReport);
                        progress.flush();
                        nextReport++;
                    }
                }
            });
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<ScoredItem> get(Future<List<ScoredItem>> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(e.getCause());
        }
    }
}
