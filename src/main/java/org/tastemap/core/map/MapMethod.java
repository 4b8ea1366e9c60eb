package org.tastemap.core.map;

/**
 * How the artist map is laid out.
 *
 * <ul>
 *   <li>{@link #AUTO}: the best measured method, Barnes-Hut t-SNE (README, "Map");</li>
 *   <li>{@link #TSNE}: Barnes-Hut t-SNE on cosine neighbourhoods, started from the PCA view;</li>
 *   <li>{@link #UMAP}: not built in this version; {@link MapBuilder} refuses it with a message
 *       naming the methods that exist, rather than silently doing something else;</li>
 *   <li>{@link #PCA}: the first two principal components of the cosine-normalised factors.</li>
 * </ul>
 */
public enum MapMethod {
    AUTO, TSNE, UMAP, PCA;

    /** The method AUTO stands for. */
    public MapMethod resolved() {
        return this == AUTO ? TSNE : this;
    }

    /** The lower-case name the CLI and the cache use. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
