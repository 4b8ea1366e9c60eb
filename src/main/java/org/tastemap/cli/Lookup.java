package org.tastemap.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.NameSearch;
import org.tastemap.core.model.ListenerHistories;
import org.tastemap.core.model.TrainedModel;

/**
 * Finds users and artists by what a person typed, with suggestions when nothing matches exactly
 * ({@link NameSearch#closest}, as the app's): the closest by spelling (a letter missing, swapped or
 * wrong), then those containing what was typed.
 */
final class Lookup {
    /** How many suggestions an error names. */
    static final int SUGGESTIONS = 5;

    private Lookup() {
    }

    static int user(Dataset d, String id) {
        int u = d.users().indexOf(id);
        if (u >= 0) {
            return u;
        }
        List<Integer> near = NameSearch.users(d).closest(id, SUGGESTIONS, k -> true);
        throw new IllegalArgumentException("no user '" + Printable.name(id) + "' in the model"
                + suggest(near.stream().map(d.users()::id).toList()));
    }

    /**
     * A user whose listening history the model holds: {@link #user}, then refused with what the
     * model holds when it keeps the histories of a sample of listeners and this one is not among them.
     */
    static int heldUser(TrainedModel m, String id) {
        int u = user(m.dataset(), id);
        ListenerHistories h = m.histories();
        if (h.holds(u)) {
            return u;
        }
        int[] held = h.heldUsers();
        List<String> some = Arrays.stream(held).limit(SUGGESTIONS).mapToObj(m.dataset().users()::id).toList();
        throw new IllegalArgumentException(String.format(Locale.ROOT, "the model holds no listening history for user '%s': "
                + "it holds the histories of %,d sampled listeners of %,d (it was trained elsewhere, e.g. on Spark), "
                + "and recommendations and explanations need the listener's plays; fold their plays in with the app's "
                + "Taste builder, or ask for a sampled listener", Printable.name(id), held.length, h.numUsers())
                + suggest(some));
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
        // closest spellings first, the more listened among equals; then names containing what was typed
        List<Integer> near = search.closest(name, SUGGESTIONS, k -> true);
        throw new IllegalArgumentException("no artist '" + Printable.name(name) + "' in the model"
                + suggest(near.stream().map(d::artistName).toList()));
    }

    private static String suggest(List<String> names) {
        return names.isEmpty() ? "" : "; did you mean " + names.stream().map(n -> "'" + Printable.name(n) + "'").collect(Collectors.joining(", ")) + "?";
    }
}
