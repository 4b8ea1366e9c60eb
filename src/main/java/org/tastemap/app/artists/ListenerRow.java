package org.tastemap.app.artists;

/** One of an artist's top listeners. */
public record ListenerRow(int user, String userId, double plays) {
}
