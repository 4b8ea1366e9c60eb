package org.tastemap.app.session;

import org.tastemap.core.als.DefaultLambda;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.NameSearch;
import org.tastemap.core.eval.Holdout;
import org.tastemap.core.eval.Metrics;
import org.tastemap.core.eval.Scorer;
import org.tastemap.core.eval.TrainTestSplit;
import org.tastemap.core.model.AlsParams;

/**
 * A dataset made ready for exploring: its held-out split, name searches and the most-popular
 * baseline. Built off the UI thread by {@link #prepare}.
 *
 * @param source        a file path or a description, shown in the status bar and remembered
 * @param defaultLambda the default lambda for this data ({@link DefaultLambda} of the default
 *                      parameters over every row, as {@code train} chooses it); NaN when unknown
 */
public record LoadedData(Dataset dataset, String source, TrainTestSplit split, NameSearch artistSearch,
                         NameSearch userSearch, Metrics baseline, double defaultLambda) {

    /** Data whose default lambda is unknown: the Train screen then starts from {@link AlsParams#defaults()}. */
    public LoadedData(Dataset dataset, String source, TrainTestSplit split, NameSearch artistSearch, NameSearch userSearch,
                      Metrics baseline) {
        this(dataset, source, split, artistSearch, userSearch, baseline, Double.NaN);
    }

    /** Held-out metrics use at most this many test users: the shared protocol's ({@link Holdout}), as the CLI. */
    public static final int EVAL_USERS = Holdout.EVAL_USERS;
    /** The share of each listener's artists (of those with 5 or more) held out for evaluation. */
    public static final double HOLDOUT = 0.2;
    public static final long SPLIT_SEED = 42L;
    /** The seed of the sample of evaluated listeners: the split's, as on the command line. */
    public static final long EVAL_SEED = SPLIT_SEED;
    /** The held-out protocol of the Train screen; {@code train --holdout 0.2} with the default seed uses the same. */
    public static final Holdout PROTOCOL = new Holdout(HOLDOUT, SPLIT_SEED);

    public static LoadedData prepare(Dataset d, String source) {
        TrainTestSplit split = PROTOCOL.split(d.matrix());
        Metrics baseline = PROTOCOL.evaluate(Scorer.popularity(split.train()), split, Runtime.getRuntime().availableProcessors());
        double lambda = DefaultLambda.of(d.matrix(), AlsParams.defaults());
        return new LoadedData(d, source, split, NameSearch.artists(d), NameSearch.users(d), baseline, lambda);
    }

    /** The artist whose name matches {@code name} best: an exact (case- and accent-blind) match first; -1 when none. */
    public int findArtist(String name) {
        java.util.List<Integer> found = artistSearch.search(name, 20);
        String wanted = NameSearch.normalize(name);
        for (int i : found) {
            if (NameSearch.normalize(dataset.artistName(i)).equals(wanted)) {
                return i;
            }
        }
        return found.isEmpty() ? -1 : found.get(0);
    }

    public int users() {
        return dataset.matrix().numUsers();
    }

    public int artists() {
        return dataset.matrix().numItems();
    }

    public long rows() {
        return dataset.matrix().nnz();
    }
}
