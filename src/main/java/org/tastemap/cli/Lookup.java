package org.tastemap.cli;

import java.util.List;
import java.util.stream.Collectors;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.NameSearch;

/** Finds users and artists by what a person typed, with suggestions when nothing matches exactly. */
final class Lookup {
    private Lookup() {
    }

    static int user(Dataset d, String id) {
        int u = d.users().indexOf(id);
        if (u >= 0) {
            return u;
        }
        List<Integer> near = NameSearch.users(d).search(id, 5);
        throw new IllegalArgumentException("no user '" + id + "' in the model" + suggest(near.stream().map(d.users()::id).toList()));
    }

    /** An artist by key, by exact display name, or by a unique case- and accent-insensitive name. */
    static int artist(Dataset d, String name) {
        int i = d.artists().indexOf(name);
        if (i >= 0) {
            return i;
        }
        String want = NameSearch.normalize(name);
        NameSearch search = NameSearch.artists(d);
        List<Integer> hits = search.search(name, 10);
        for (int h : hits) {
            if (NameSearch.normalize(d.artistName(h)).equals(want)) {
                return h;
            }
        }
        throw new IllegalArgumentException("no artist '" + name + "' in the model" + suggest(hits.stream().limit(5).map(d::artistName).toList()));
    }

    private static String suggest(List<String> names) {
        return names.isEmpty() ? "" : "; did you mean " + names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", ")) + "?";
    }
}
