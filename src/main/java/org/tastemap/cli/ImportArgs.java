package org.tastemap.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tastemap.io.ColumnMapping;
import org.tastemap.io.ImportOptions;
import org.tastemap.io.ImportResult;
import org.tastemap.io.Importer;
import org.tastemap.io.TextEncoding;
import org.tastemap.io.ValueKind;
import picocli.CommandLine.Option;

/** The import options shared by {@code import}, {@code train}, {@code evaluate} and the Spark job. */
public final class ImportArgs {
    @Option(names = "--input", required = true, paramLabel = "FILE", description = "Interactions file (Last.fm 360K TSV, or any delimited file; .gz is fine), or - for standard input.")
    public Path input;

    @Option(names = "--format", paramLabel = "lastfm|delimited|auto", defaultValue = "auto",
            description = "File format (default: ${DEFAULT-VALUE}, detected from the first lines).")
    String format;

    @Option(names = "--delimiter", paramLabel = "C", description = "Field separator of a delimited file: a character, or tab, comma, semicolon, pipe.")
    String delimiter;

    @Option(names = "--header", description = "The delimited file's first line is a header.")
    boolean header;

    @Option(names = "--user-col", paramLabel = "N", description = "0-based column of the user id.")
    Integer userCol;

    @Option(names = "--item-col", paramLabel = "N", description = "0-based column of the artist id.")
    Integer itemCol;

    @Option(names = "--name-col", paramLabel = "N", description = "0-based column of the artist name (optional).")
    Integer nameCol;

    @Option(names = "--count-col", paramLabel = "N", description = "0-based column of the play count (optional: without it every row counts 1).")
    Integer countCol;

    @Option(names = "--mbid-col", paramLabel = "N", description = "0-based column of the artist's MusicBrainz id (optional:"
            + " artists stay keyed by --item-col and keep the first MBID seen; the report counts artists with more than one).")
    Integer mbidCol;

    @Option(names = "--min-plays", paramLabel = "N", defaultValue = "0", description = "Skip rows with fewer plays.")
    double minPlays;

    @Option(names = "--min-user-artists", paramLabel = "N", defaultValue = "1", description = "Drop users with fewer artists.")
    int minUserArtists;

    @Option(names = "--min-artist-users", paramLabel = "N", defaultValue = "1", description = "Drop artists with fewer listeners.")
    int minArtistUsers;

    @Option(names = "--encoding", paramLabel = "auto|utf-8|latin-1|windows-1252", defaultValue = "auto",
            description = "Text encoding of names and ids (default: ${DEFAULT-VALUE}: UTF-8 unless the names are not; the report says which was used and why).")
    String encoding;

    @Option(names = "--values", paramLabel = "auto|plays|weight|presence", defaultValue = "auto",
            description = "What the number column holds: plays (counts), weight (a score, taken as is) or presence"
                    + " (each pair counts 1); auto: plays when all are whole numbers, else weight (default: ${DEFAULT-VALUE}).")
    String values;

    /**
     * Imports {@link #input}; {@code -} reads standard input, copied to a temporary file first (format
     * detection and the two-thread reader need to read the data more than once), deleted afterwards.
     */
    public ImportResult importFile() throws IOException {
        ImportOptions options = options();
        if (!"-".equals(input.toString())) {
            return Importer.importFile(input, options);
        }
        Path folder = Files.createTempDirectory("tastemap-stdin");
        Path copy = folder.resolve("stdin");
        try {
            Files.copy(System.in, copy);
            return Importer.importFile(copy, options);
        } finally {
            Files.deleteIfExists(copy);
            Files.deleteIfExists(folder);
        }
    }

    /** The options as given, checked. */
    public ImportOptions options() {
        String f = format.trim().toLowerCase(java.util.Locale.ROOT);
        boolean mapped = userCol != null || itemCol != null || nameCol != null || countCol != null || mbidCol != null
                || delimiter != null;
        ImportOptions base;
        switch (f) {
            case "lastfm" -> base = ImportOptions.lastFm();
            case "auto" -> base = mapped ? delimited() : ImportOptions.auto();
            case "delimited" -> base = delimited();
            default -> throw new IllegalArgumentException("--format must be lastfm, delimited or auto, not '" + format + "'");
        }
        return base.withFilters(minPlays, minUserArtists, minArtistUsers)
                .withEncoding(TextEncoding.parse(encoding)).withValues(ValueKind.parse(values));
    }

    private ImportOptions delimited() {
        if (userCol == null || itemCol == null) {
            throw new IllegalArgumentException("a delimited file needs --user-col and --item-col (0-based column numbers)");
        }
        ColumnMapping m = new ColumnMapping(userCol, itemCol, nameCol == null ? ColumnMapping.NONE : nameCol,
                countCol == null ? ColumnMapping.NONE : countCol, mbidCol == null ? ColumnMapping.NONE : mbidCol);
        return ImportOptions.delimited(m, delimiterChar(), header);
    }

    private char delimiterChar() {
        if (delimiter == null) {
            return input.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.tsv(\\.gz)?") ? '\t' : ',';
        }
        return switch (delimiter.toLowerCase(java.util.Locale.ROOT)) {
            case "tab", "\\t" -> '\t';
            case "comma" -> ',';
            case "semicolon" -> ';';
            case "pipe" -> '|';
            default -> {
                if (delimiter.length() != 1) {
                    throw new IllegalArgumentException("--delimiter must be one character, or tab, comma, semicolon or pipe");
                }
                yield delimiter.charAt(0);
            }
        };
    }
}
