package org.tastemap.app.artists;

/** An artist as lists show it: name, listeners, total plays, and a score where it has one. */
public record ArtistRow(int index, String name, int listeners, double plays, double score) {
    @Override
    public String toString() {
        return name;
    }
}
