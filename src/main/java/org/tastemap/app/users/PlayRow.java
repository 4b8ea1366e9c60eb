package org.tastemap.app.users;

/** An artist in a listening history or a recommendation list: plays, or a score. */
public record PlayRow(int artist, String name, double value) {
}
