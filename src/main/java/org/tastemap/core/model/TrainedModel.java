package org.tastemap.core.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.tastemap.core.data.Dataset;

/**
 * What a model file holds: the factors together with the dataset they were trained on (its
 * interactions are needed to exclude played artists and to explain recommendations), and free-form
 * provenance metadata.
 *
 * <p>{@code metadata} is an ordered map of string keys to string values: what the model was
 * trained on, when, by which Tastemap (see {@link ModelMetadata} for the keys Tastemap itself
 * writes). It keeps the order it was given in, is unmodifiable, and is empty for models that
 * carry none (model files of format version 1).
 */
public record TrainedModel(Dataset dataset, FactorModel factors, Map<String, String> metadata) {
    public TrainedModel {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(factors, "factors");
        Objects.requireNonNull(metadata, "metadata");
        if (dataset.matrix().numUsers() != factors.numUsers() || dataset.matrix().numItems() != factors.numItems()) {
            throw new IllegalArgumentException("factors of " + factors.numUsers() + " x " + factors.numItems()
                    + " do not fit a dataset of " + dataset.matrix().numUsers() + " x " + dataset.matrix().numItems());
        }
        metadata = copy(metadata);
    }

    /** A model without metadata. */
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
        return new TrainedModel(dataset, factors, all);
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
