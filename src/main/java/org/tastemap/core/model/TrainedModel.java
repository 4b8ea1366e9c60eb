package org.tastemap.core.model;

import java.util.Objects;
import org.tastemap.core.data.Dataset;

/**
 * What a model file holds: the factors together with the dataset they were trained on (its
 * interactions are needed to exclude played artists and to explain recommendations).
 */
public record TrainedModel(Dataset dataset, FactorModel factors) {
    public TrainedModel {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(factors, "factors");
        if (dataset.matrix().numUsers() != factors.numUsers() || dataset.matrix().numItems() != factors.numItems()) {
            throw new IllegalArgumentException("factors of " + factors.numUsers() + " x " + factors.numItems()
                    + " do not fit a dataset of " + dataset.matrix().numUsers() + " x " + dataset.matrix().numItems());
        }
    }
}
