package org.tastemap.core.map;

import org.tastemap.core.model.FactorModel;

/**
 * How well a map keeps the model's neighbourhoods, measured over its artists only:
 *
 * <ul>
 *   <li>{@link #neighbourAgreement}: the mean over artists of |N_map(a) ∩ N_cos(a)| / k, where
 *       N_map(a) are a's k nearest on the map and N_cos(a) its k nearest by cosine of factors (both
 *       exact, by brute force);</li>
 *   <li>{@link #labelAgreement}: the mean over labelled artists of the share of their k nearest
 *       (on the map, or by cosine in factor space) that carry the same label (e.g. planted genres).</li>
 * </ul>
 */
public final class MapQuality {
    /** The neighbourhood size the README reports. */
    public static final int K = 10;

    private MapQuality() {
    }

    /** 10-NN (or k-NN) agreement of the map with cosine in factor space, 0 to 1. */
    public static double neighbourAgreement(FactorModel factors, ArtistMap map, int k, int threads) {
        int n = map.size();
        if (n < 2) {
            return 1;
        }
        try (Workers w = new Workers(threads, () -> false)) {
            Knn.Lists onMap = Knn.plane(map.x(), map.y(), k, w);
            Knn.Lists byCos = Knn.cosine(Rows.unit(factors, map.artists()), n, factors.factors(), k, w);
            int kk = onMap.kk();
            long shared = 0;
            for (int p = 0; p < n; p++) {
                for (int a = 0; a < kk; a++) {
                    int q = onMap.idx()[p * kk + a];
                    for (int b = 0; b < kk; b++) {
                        if (byCos.idx()[p * kk + b] == q) {
                            shared++;
                            break;
                        }
                    }
                }
            }
            return shared / ((double) n * kk);
        }
    }

    /**
     * k-NN label agreement on the map ({@code factors} null) or by cosine in factor space.
     *
     * @param labelOfArtist a label per item index of the model, -1 when unknown; unknown artists are
     *                      not scored, and as neighbours they never agree
     * @return the mean share, or NaN when no mapped artist has a label
     */
    public static double labelAgreement(FactorModel factors, ArtistMap map, int[] labelOfArtist, int k, int threads) {
        int n = map.size();
        if (n < 2) {
            return Double.NaN;
        }
        try (Workers w = new Workers(threads, () -> false)) {
            Knn.Lists nn = factors == null ? Knn.plane(map.x(), map.y(), k, w)
                    : Knn.cosine(Rows.unit(factors, map.artists()), n, factors.factors(), k, w);
            int kk = nn.kk();
            double total = 0;
            int scored = 0;
            for (int p = 0; p < n; p++) {
                int label = labelOfArtist[map.artists()[p]];
                if (label < 0) {
                    continue;
                }
                int same = 0;
                for (int a = 0; a < kk; a++) {
                    if (labelOfArtist[map.artists()[nn.idx()[p * kk + a]]] == label) {
                        same++;
                    }
                }
                total += same / (double) kk;
                scored++;
            }
            return scored == 0 ? Double.NaN : total / scored;
        }
    }
}
