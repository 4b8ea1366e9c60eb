package org.tastemap.cli;

import org.tastemap.core.data.Dataset;
import picocli.CommandLine.Option;

/** The {@code --artist} option of the query commands ({@code similar}, {@code explain}), found with {@link Lookup#artist}. */
final class ArtistArg {
    @Option(names = "--artist", required = true, paramLabel = "NAME", description = "The artist's name.")
    String artist;

    /** The artist's index in the model; a message with suggestions when there is no such artist. */
    int index(Dataset d) {
        return Lookup.artist(d, artist);
    }
}
