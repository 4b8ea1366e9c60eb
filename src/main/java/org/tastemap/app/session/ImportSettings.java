package org.tastemap.app.session;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tastemap.io.TextEncoding;
import org.tastemap.io.ValueKind;

/**
 * How to import a file: its layout and which rows, users and artists to keep.
 *
 * @param lastFm                read the Last.fm layout
 * @param columns               the column mapping (for Last.fm, {@link Columns#lastFm()})
 * @param delimiter             field separator
 * @param hasHeader             skip the first line
 * @param minPlays              rows with fewer plays are skipped
 * @param minArtistsPerUser     users with fewer artists are dropped
 * @param minListenersPerArtist artists with fewer listeners are dropped
 * @param encoding              how names are decoded (AUTO: detected)
 * @param values                what the plays column holds: plays, weights or presence (AUTO: from the values)
 */
public record ImportSettings(boolean lastFm, Columns columns, char delimiter, boolean hasHeader, double minPlays,
                             int minArtistsPerUser, int minListenersPerArtist, TextEncoding encoding, ValueKind values) {

    public ImportSettings {
        encoding = encoding == null ? TextEncoding.AUTO : encoding;
        values = values == null ? ValueKind.AUTO : values;
    }

    /** Settings with the encoding and the values detected. */
    public ImportSettings(boolean lastFm, Columns columns, char delimiter, boolean hasHeader, double minPlays,
                          int minArtistsPerUser, int minListenersPerArtist) {
        this(lastFm, columns, delimiter, hasHeader, minPlays, minArtistsPerUser, minListenersPerArtist,
                TextEncoding.AUTO, ValueKind.AUTO);
    }

    public static ImportSettings lastFmDefaults() {
        return new ImportSettings(true, Columns.lastFm(), '\t', false, 0, 1, 1);
    }

    public static ImportSettings from(FilePreview p) {
        return new ImportSettings(p.lastFm(), p.suggested(), p.delimiter(), p.hasHeader(), 0, 1, 1);
    }

    public ImportSettings withColumns(Columns c) {
        return new ImportSettings(lastFm, c, delimiter, hasHeader, minPlays, minArtistsPerUser, minListenersPerArtist,
                encoding, values);
    }

    public ImportSettings withFilters(double plays, int artistsPerUser, int listenersPerArtist) {
        return new ImportSettings(lastFm, columns, delimiter, hasHeader, plays, artistsPerUser, listenersPerArtist,
                encoding, values);
    }

    /** The same settings with this encoding and reading of the plays column. */
    public ImportSettings withText(TextEncoding encoding, ValueKind values) {
        return new ImportSettings(lastFm, columns, delimiter, hasHeader, minPlays, minArtistsPerUser,
                minListenersPerArtist, encoding, values);
    }

    /**
     * One line that {@link #decode} reads back exactly, for the preferences:
     * {@code format=delimited;delimiter=44;header=true;user=0;artist=1;name=-1;plays=2;mbid=-1;minPlays=0.0;minArtists=1;minListeners=1;encoding=auto;values=auto}.
     * The delimiter is its code point, so that tab, semicolon and pipe survive. Text without the last two
     * (written by earlier versions) reads as auto, and text without {@code mbid} as no MBID column (Last.fm: its own).
     */
    public String encode() {
        return "format=" + (lastFm ? "lastfm" : "delimited") + ";delimiter=" + (int) delimiter + ";header=" + hasHeader
                + ";user=" + columns.user() + ";artist=" + columns.artist() + ";name=" + columns.name()
                + ";plays=" + columns.plays() + ";mbid=" + columns.mbid() + ";minPlays=" + Double.toString(minPlays)
                + ";minArtists=" + minArtistsPerUser + ";minListeners=" + minListenersPerArtist
                + ";encoding=" + encoding.cliName() + ";values=" + values.cliName();
    }

    /** The settings {@link #encode} wrote; empty when the text is missing, damaged or from an unknown version. */
    public static Optional<ImportSettings> decode(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Map<String, String> kv = new HashMap<>();
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                kv.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
            }
        }
        try {
            String format = kv.get("format");
            if (!"lastfm".equals(format) && !"delimited".equals(format)) {
                return Optional.empty();
            }
            int delim = Integer.parseInt(kv.get("delimiter"));
            if (delim <= 0 || delim > Character.MAX_VALUE) {
                return Optional.empty();
            }
            Columns c = new Columns(Integer.parseInt(kv.get("user")), Integer.parseInt(kv.get("artist")),
                    Integer.parseInt(kv.get("name")), Integer.parseInt(kv.get("plays")),
                    // text written before the MBID column: the Last.fm layout's, else none
                    Integer.parseInt(kv.getOrDefault("mbid", "lastfm".equals(format) ? "1" : "-1")));
            return Optional.of(new ImportSettings("lastfm".equals(format), c, (char) delim,
                    Boolean.parseBoolean(kv.get("header")), Double.parseDouble(kv.get("minPlays")),
                    Integer.parseInt(kv.get("minArtists")), Integer.parseInt(kv.get("minListeners")),
                    TextEncoding.parse(kv.getOrDefault("encoding", "auto")), ValueKind.parse(kv.getOrDefault("values", "auto"))));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** A short line for a person: the layout and the filters that drop anything. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (lastFm) {
            sb.append("Last.fm layout");
        } else {
            sb.append(switch (delimiter) {
                case '\t' -> "tab";
                case ',' -> "comma";
                case ';' -> "semicolon";
                case '|' -> "pipe";
                default -> "'" + delimiter + "'";
            }).append("-separated").append(hasHeader ? ", header" : "")
                    .append(String.format(Locale.ROOT, ", columns user %d, artist %d%s%s", columns.user() + 1,
                            columns.artist() + 1, columns.name() == Columns.NONE ? "" : ", name " + (columns.name() + 1),
                            columns.plays() == Columns.NONE ? ", no plays" : ", plays " + (columns.plays() + 1)))
                    .append(columns.mbid() == Columns.NONE ? "" : ", MBID " + (columns.mbid() + 1));
        }
        if (minPlays > 0) {
            sb.append(String.format(Locale.ROOT, ", rows with %s+ plays", minPlays == Math.rint(minPlays)
                    ? Long.toString((long) minPlays) : Double.toString(minPlays)));
        }
        if (minArtistsPerUser > 1) {
            sb.append(", users with ").append(minArtistsPerUser).append("+ artists");
        }
        if (minListenersPerArtist > 1) {
            sb.append(", artists with ").append(minListenersPerArtist).append("+ listeners");
        }
        if (encoding != TextEncoding.AUTO) {
            sb.append(", ").append(encoding.cliName());
        }
        if (values != ValueKind.AUTO) {
            sb.append(", values as ").append(values.cliName());
        }
        return sb.toString();
    }
}
