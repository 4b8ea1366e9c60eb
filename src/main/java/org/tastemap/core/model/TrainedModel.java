package org.tastemap.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.InteractionMatrix;

/**
 * What a model file holds: the factors together with the dataset they were trained on (its
 * interactions are needed to exclude played artists and to explain recommendations), free-form
 * provenance metadata, and which listeners' histories the dataset holds.
 *
 * <p>{@code metadata} is an ordered map of string keys to string values: what the model was
 * trained on, when, by which Tastemap (see {@link ModelMetadata} for the keys Tastemap itself
 * writes). It keeps the order it was given in, is unmodifiable, and is empty for models that
 * carry none (model files of format version 1).
 *
 * <p>{@code histories} says whose histories the dataset's matrix holds. A model trained in-process
 * holds all ({@link ListenerHistories#complete}). A model trained on a cluster may hold a sample
 * ({@link ListenerHistories#sample}): its dataset then has the ids and names of ALL listeners and
 * artists and factors for all of them, but interaction rows only for the held listeners (every
 * other row is empty). Counts about the full data come from {@link #artistListeners} and
 * {@link #totalRows}, which work for both kinds.
 */
public record TrainedModel(Dataset dataset, FactorModel factors, Map<String, String> metadata,
                           ListenerHistories histories) {
    public TrainedModel {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(factors, "factors");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(histories, "histories");
        InteractionMatrix m = dataset.matrix();
        if (m.numUsers() != factors.numUsers() || m.numItems() != factors.numItems()) {
            throw new IllegalArgumentException("factors of " + factors.numUsers() + " x " + factors.numItems()
                    + " do not fit a dataset of " + m.numUsers() + " x " + m.numItems());
        }
        checkHistories(m, histories);
        metadata = copy(metadata);
    }

    /** A model holding every listener's history. */
    public TrainedModel(Dataset dataset, FactorModel factors, Map<String, String> metadata) {
        this(dataset, factors, metadata, ListenerHistories.complete(dataset.matrix().numUsers()));
    }

    /** A model without metadata, holding every listener's history. */
    public TrainedModel(Dataset dataset, FactorModel factors) {
        this(dataset, factors, Map.of());
    }

    /**
     * This model with {@code more} added to its metadata: existing keys keep their place and take
     * the new value, new keys follow in {@code more}'s order.
     */
    public TrainedModel withMetadata(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(metadata);
        all.putAll(more);
        return new TrainedModel(dataset, factors, all, histories);
    }

    /** This model with other histories (for a sample, the matrix must hold rows of held listeners only). */
    public TrainedModel withHistories(ListenerHistories h) {
        return new TrainedModel(dataset, factors, metadata, h);
    }

    /**
     * This model keeping the histories of only {@code heldUsers} (strictly ascending user indices):
     * the rows of everyone else are emptied, and the full data's per-artist listener counts and
     * cells are taken from this model's matrix first. Ids, names and factors stay as they are. This
     * is the shape a cluster-trained model has; a sampled model cannot be sampled again.
     *
     * @throws IllegalStateException    when this model already holds only a sample
     * @throws IllegalArgumentException when {@code heldUsers} is not ascending or out of range
     */
    public TrainedModel keepHistoriesOf(int[] heldUsers) {
        if (!histories.isComplete()) {
            throw new IllegalStateException("this model already holds only " + histories);
        }
        InteractionMatrix m = dataset.matrix();
        ListenerHistories h = ListenerHistories.sample(m.numUsers(), heldUsers, artistListenerCounts(), m.nnz());
        int[] ptr = new int[m.numUsers() + 1];
        int nnz = 0;
        for (int u : heldUsers) {
            nnz += m.userCount(u);
        }
        int[] items = new int[nnz];
        float[] values = new float[nnz];
        int w = 0;
        for (int u = 0; u < m.numUsers(); u++) {
            if (h.holds(u)) {
                int from = m.userPtr()[u];
                int n = m.userCount(u);
                System.arraycopy(m.userItems(), from, items, w, n);
                System.arraycopy(m.userValues(), from, values, w, n);
                w += n;
            }
            ptr[u + 1] = w;
        }
        InteractionMatrix kept = InteractionMatrix.fromCsr(m.numUsers(), m.numItems(), ptr, items, values);
        return new TrainedModel(dataset.withMatrix(kept), factors, metadata, h);
    }

    /**
     * How many listeners of the full data played artist {@code item}: the matrix's column count
     * when every history is held, the stored full-data count when only a sample is.
     */
    public int artistListeners(int item) {
        return histories.isComplete() ? dataset.matrix().itemCount(item) : histories.artistListeners(item);
    }

    /** Every artist's full-data listener count ({@link #artistListeners(int)}), as a new array. */
    public int[] artistListenerCounts() {
        if (!histories.isComplete()) {
            return histories.artistListenerCounts();
        }
        int[] counts = new int[dataset.matrix().numItems()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = dataset.matrix().itemCount(i);
        }
        return counts;
    }

    /** The listener-artist cells of the full data: the matrix's non-zeros when every history is held. */
    public long totalRows() {
        return histories.isComplete() ? dataset.matrix().nnz() : histories.totalRows();
    }

    /** Whether the model holds listener {@code user}'s history (played artists and plays). */
    public boolean holdsHistory(int user) {
        return histories.holds(user);
    }

    /**
     * A sample's sizes match the matrix, rows of listeners not held are empty, and no artist has
     * more held listeners than the full data says it has.
     */
    private static void checkHistories(InteractionMatrix m, ListenerHistories h) {
        if (h.numUsers() != m.numUsers()) {
            throw new IllegalArgumentException("histories of " + h.numUsers() + " listeners do not fit a dataset of "
                    + m.numUsers());
        }
        if (h.isComplete()) {
            return;
        }
        if (h.numArtists() != m.numItems()) {
            throw new IllegalArgumentException("histories count listeners of " + h.numArtists()
                    + " artists, the dataset has " + m.numItems());
        }
        int[] ptr = m.userPtr();
        for (int u = 0; u < m.numUsers(); u++) {
            if (ptr[u + 1] > ptr[u] && !h.holds(u)) {
                throw new IllegalArgumentException("user " + u + " has " + (ptr[u + 1] - ptr[u])
                        + " played artists, but is not one of the held listeners");
            }
        }
        for (int i = 0; i < m.numItems(); i++) {
            if (m.itemCount(i) > h.artistListeners(i)) {
                throw new IllegalArgumentException("artist " + i + " has " + m.itemCount(i)
                        + " held listeners, more than its " + h.artistListeners(i) + " listeners in the full data");
            }
        }
    }

    private static Map<String, String> copy(Map<String, String> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (k == null || k.isEmpty()) {
                throw new IllegalArgumentException("metadata keys must not be empty");
            }
            out.put(k, Objects.requireNonNull(v, () -> "metadata value of " + k));
        });
        return Collections.unmodifiableMap(out);
    }
}
