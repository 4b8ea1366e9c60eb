package org.tastemap.app.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    default List<String> recent() {
        String s = get("recent", "");
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\n"));
    }

    /** Puts {@code path} first in the recent list (at most 8). */
    default void addRecent(String path) {
        List<String> r = new ArrayList<>(recent());
        r.remove(path);
        r.add(0, path);
        put("recent", String.join("\n", r.subList(0, Math.min(8, r.size()))));
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
