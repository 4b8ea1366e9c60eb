package org.tastemap.io;

/**
 * What a reader produced: the kept rows as id triplets, and the ids' keys. Ids are dense and in
 * order of first appearance; {@code artistNames} and {@code artistMbids} are parallel to {@code artistKeys}
 * ({@code ""} for no MusicBrainz id).
 */
record RawData(Triplets triplets, String[] userIds, String[] artistKeys, String[] artistNames, String[] artistMbids,
               long rowsRead, KeyDecoder.Decision encoding, RowNotes notes) {
}
