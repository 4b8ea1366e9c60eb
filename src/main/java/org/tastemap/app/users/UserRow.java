package org.tastemap.app.users;

/** A user in a list: id, how many artists they played, and a similarity where it has one. */
public record UserRow(int index, String id, int artists, double score) {
    @Override
    public String toString() {
        return id;
    }
}
