package org.tastemap.app.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.prefs.Preferences;

/** What the app remembers between launches: last files, recent files, window bounds. */
public interface AppPrefs {
    String get(String key, String fallback);

    void put(String key, String value);

    default double getDouble(String key, double fallback) {
        try {
            return Double.parseDouble(get(key, Double.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    default boolean getBoolean(String key, boolean fallback) {
        return Boolean.parseBoolean(get(key, Boolean.toString(fallback)));
    }

    /**
     * The folder the session is kept in between launches ({@link SessionFile}): the preference
     * {@code sessionDir} when set (tests), else {@code ~/.tastemap/session}.
     */
    default java.nio.file.Path sessionDir() {
        String dir = get("sessionDir", "");
        return dir.isBlank() ? java.nio.file.Path.of(System.getProperty("user.home"), ".tastemap", "session")
                : java.nio.file.Path.of(dir);
    }

    default List<String> recent() {
        String s = get("recent", "");
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
    }

    /** Puts {@code path} first in the recent list (at most 8, and within the 8 KB a preference value may hold). */
    default void addRecent(String path) {
        List<String> r = new ArrayList<>(recent());
        r.remove(path);
        r.add(0, path);
        List<String> kept = new ArrayList<>();
        int length = 0;
        for (String p : r) {
            length += p.length() + 1;
            if (kept.size() == 8 || length > Preferences.MAX_VALUE_LENGTH) {
                put(importKey(p), "");
            } else {
                kept.add(p);
            }
        }
        put("recent", String.join("\n", kept));
    }

    /** Puts {@code path} first in the recent list and remembers how it was imported, to open it the same way again. */
    default void addRecent(String path, ImportSettings settings) {
        addRecent(path);
        if (settings != null) {
            put(importKey(path), settings.encode());
        }
    }

    /**
     * The folder the import file chooser opens in: the last one a file was chosen from (kept across
     * launches) while it still exists, else {@code sampleFolder} when it exists, else null (the system's choice).
     */
    default java.nio.file.Path chooserFolder(java.nio.file.Path sampleFolder) {
        String last = get("chooserFolder", "");
        if (!last.isBlank()) {
            try {
                java.nio.file.Path p = java.nio.file.Path.of(last);
                if (java.nio.file.Files.isDirectory(p)) {
                    return p;
                }
            } catch (java.nio.file.InvalidPathException e) {
                // written on another system: fall back
            }
        }
        return sampleFolder != null && java.nio.file.Files.isDirectory(sampleFolder) ? sampleFolder : null;
    }

    /** Remembers {@code folder} as the one the import file chooser opens in next, in this and later launches. */
    default void rememberChooserFolder(java.nio.file.Path folder) {
        if (folder != null) {
            put("chooserFolder", folder.toAbsolutePath().toString());
        }
    }

    /** How {@code path} was last imported (mapping, delimiter, header, filters), if it is remembered. */
    default Optional<ImportSettings> importSettings(String path) {
        return ImportSettings.decode(get(importKey(path), ""));
    }

    /** A preference key per path: a hash, since keys may hold only 80 characters. */
    static String importKey(String path) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-1").digest(path.getBytes(StandardCharsets.UTF_8));
            return "import." + HexFormat.of().formatHex(h);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    /** The user's preferences store. */
    static AppPrefs system() {
        Preferences p = Preferences.userRoot().node("org/tastemap/app");
        return new AppPrefs() {
            @Override
            public String get(String key, String fallback) {
                return p.get(key, fallback);
            }

            @Override
            public void put(String key, String value) {
                p.put(key, value);
            }
        };
    }

    /** Preferences that live in memory only (tests). */
    static AppPrefs inMemory() {
        Map<String, String> m = new HashMap<>();
        return new AppPrefs() {
            @Override
            public String get(String key, String fallback) {
                return m.getOrDefault(key, fallback);
            }

            @Override
            public void put(String key, String value) {
                m.put(key, value);
            }
        };
    }
}
