package org.tastemap.core.model;

/** A row index (artist or user) with its score, as returned by the queries. */
public record ScoredItem(int index, double score) {
}
