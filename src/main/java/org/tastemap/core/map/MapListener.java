package org.tastemap.core.map;

/**
 * Progress of {@link MapBuilder#build}, called on the worker thread that builds the map, at most about
 * ten times a second (the first PCA layout and phase changes always come through).
 */
@FunctionalInterface
public interface MapListener {
    MapListener NONE = (phase, fraction, snapshot) -> { };

    /**
     * @param phase    what is being done ("PCA", "Clusters", "Neighbours", "Layout")
     * @param fraction of the whole build, 0 to 1
     * @param snapshot an intermediate layout to draw, or null when this call brings none
     */
    void progress(String phase, double fraction, ArtistMap snapshot);
}
