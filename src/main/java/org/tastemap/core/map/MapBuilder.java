package org.tastemap.core.map;

import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.tastemap.core.Cancellation;
import org.tastemap.core.model.FactorModel;

/**
 * Builds the artist map of a model: the N artists with the most listeners (artists nobody played
 * are left out), their factors normalised to unit length so that distances follow the cosine, the
 * PCA view at once (EJML, delivered as a snapshot), k-means clusters, then the final layout (see
 * {@link MapMethod}). Deterministic for the options: the seed drives k-means, the layout starts from
 * the PCA view, and no result depends on the number of threads. Cancelling throws
 * {@link Cancellation} within about a second (the flag is read between chunks of work, from the
 * worker threads too).
 */
public final class MapBuilder {
    /** Snapshots and progress reach the listener at most this often. */
    static final long REPORT_NANOS = 100_000_000L;

    private MapBuilder() {
    }

    /** {@link #build(FactorModel, int[], MapOptions, MapListener, BooleanSupplier)} without progress or cancel. */
    public static ArtistMap build(FactorModel factors, int[] artistListeners, MapOptions o) {
        return build(factors, artistListeners, o, MapListener.NONE, () -> false);
    }

    /**
     * @param factors         the model's factors
     * @param artistListeners listeners per artist (item index), which chooses and orders the artists
     * @param l               progress and snapshots, on the calling thread
     * @param cancel          read between chunks of work; true stops with {@link Cancellation}
     * @throws IllegalArgumentException for {@link MapMethod#UMAP}, which this version does not build
     */
    public static ArtistMap build(FactorModel factors, int[] artistListeners, MapOptions o, MapListener l,
                                  BooleanSupplier cancel) {
        Objects.requireNonNull(l, "listener");
        Objects.requireNonNull(cancel, "cancel");
        MapMethod method = o.method().resolved();
        if (method == MapMethod.UMAP) {
            throw new IllegalArgumentException("the UMAP layout is not built in this version: use tsne (the default, auto) or pca");
        }
        Progress progress = new Progress(l);
        int[] artists = Rows.mostListened(artistListeners, factors.numItems(), o.maxArtists());
        int n = artists.length;
        int d = factors.factors();
        try (Workers w = new Workers(o.effectiveThreads(), cancel)) {
            w.checkCancel();
            progress.report("PCA", 0, null, true);
            float[] unit = Rows.unit(factors, artists);
            float[][] pca = n == 0 ? new float[][] {new float[0], new float[0]} : Pca.project(unit, n, d);
            w.checkCancel();
            progress.report("Clusters", 0.01, null, true);
            int[] cluster = new int[n];
            int k = 0;
            if (n > 0) {
                k = o.clusters() > 0 ? Math.min(o.clusters(), n) : KMeans.chooseK(unit, n, d, o.seed(), w).k();
                progress.report("Clusters", 0.05, null, true);
                cluster = KMeans.cluster(unit, n, d, k, o.seed(), KMeans.RESTARTS, w).labels();
            }
            boolean pcaOnly = method == MapMethod.PCA || n < 3;
            ArtistMap pcaMap = new ArtistMap(artists, pca[0], pca[1], cluster, k, MapMethod.PCA, pcaOnly);
            progress.report("PCA", 0.1, pcaMap, true);
            if (pcaOnly) {
                progress.report("Done", 1, pcaMap, true);
                return pcaMap;
            }
            return tsne(unit, n, d, pcaMap, w, progress);
        }
    }

    private static ArtistMap tsne(float[] unit, int n, int d, ArtistMap start, Workers w, Progress progress) {
        progress.report("Neighbours", 0.1, null, true);
        Knn.Lists nn = Knn.cosine(unit, n, d, Tsne.neighbours(n), w);
        progress.report("Neighbours", 0.25, null, true);
        Tsne.Affinities p = Tsne.affinities(nn, w);
        double[] y = initial(start);
        int[] artists = start.artists();
        int[] cluster = start.cluster();
        int k = start.clusterCount();
        progress.report("Layout", 0.3, null, true);
        Tsne.optimise(p, y, w, (it, total, pos) -> {
            double fraction = 0.3 + 0.7 * it / total;
            if (it < total && progress.due()) {
                progress.report("Layout", fraction, snapshot(artists, pos, cluster, k, false), true);
            }
        });
        ArtistMap done = snapshot(artists, y, cluster, k, true);
        progress.report("Done", 1, done, true);
        return done;
    }

    /** The PCA map scaled so that its first coordinate has standard deviation 1e-4, interleaved (x, y). */
    static double[] initial(ArtistMap pca) {
        int n = pca.size();
        double mean = 0;
        for (float v : pca.x()) {
            mean += v;
        }
        mean /= n;
        double var = 0;
        for (float v : pca.x()) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / n);
        double scale = sd > 0 ? 1e-4 / sd : 1;
        double[] y = new double[2 * n];
        for (int i = 0; i < n; i++) {
            y[2 * i] = pca.x()[i] * scale;
            y[2 * i + 1] = pca.y()[i] * scale;
        }
        if (sd == 0) {
            // every artist at one place: spread them on a small deterministic spiral
            for (int i = 0; i < n; i++) {
                y[2 * i] = 1e-4 * Math.sqrt(i) * Math.cos(i);
                y[2 * i + 1] = 1e-4 * Math.sqrt(i) * Math.sin(i);
            }
        }
        return y;
    }

    private static ArtistMap snapshot(int[] artists, double[] y, int[] cluster, int k, boolean finished) {
        int n = artists.length;
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = (float) y[2 * i];
            ys[i] = (float) y[2 * i + 1];
        }
        return new ArtistMap(artists, xs, ys, cluster, k, MapMethod.TSNE, finished);
    }

    /** Passes progress on at most every {@link #REPORT_NANOS}, except forced reports. */
    private static final class Progress {
        private final MapListener l;
        private long last = System.nanoTime() - REPORT_NANOS;

        Progress(MapListener l) {
            this.l = l;
        }

        boolean due() {
            return System.nanoTime() - last >= REPORT_NANOS;
        }

        void report(String phase, double fraction, ArtistMap snapshot, boolean force) {
            if (force || due()) {
                last = System.nanoTime();
                l.progress(phase, fraction, snapshot);
            }
        }
    }
}
