package org.tastemap.io;

import java.util.HashSet;
import java.util.Set;

/**
 * Plausible, unique artist names ("The Crimson Owls", "Velvet Harbor", "Clara Lindqvist Trio",
 * "Harper, Finch &amp; Moreau"), drawn from word lists. A few contain commas, quotes, apostrophes and
 * non-ASCII letters, as real Last.fm names do, so importers and exports meet them.
 */
final class SyntheticNames {
    private SyntheticNames() {
    }

    private static final String[] ADJECTIVES = {
        "Crimson", "Velvet", "Silver", "Golden", "Electric", "Hollow", "Quiet", "Wild", "Broken", "Midnight",
        "Neon", "Paper", "Iron", "Glass", "Lunar", "Solar", "Frozen", "Burning", "Silent", "Distant",
        "Northern", "Southern", "Little", "Black", "White", "Blue", "Scarlet", "Amber", "Violet", "Emerald",
        "Wandering", "Sleeping", "Dancing", "Falling", "Rising", "Gentle", "Savage", "Royal", "Lost", "Secret",
        "Holy", "Cosmic", "Static", "Analog", "Digital", "Tender", "Bitter", "Sweet", "Lonely", "Restless",
        "Endless", "Ancient", "Modern", "Young", "Pale", "Dark", "Bright", "Heavy", "Soft", "Strange",
        "Hidden", "Painted", "Rusted", "Shattered", "Twisted", "Faded", "Phantom", "Radiant", "Feral", "Dusty",
        "Misty", "Stormy", "Sunken", "Drifting", "Crystal", "Atomic", "Magnetic", "Polar", "Tropical", "Vintage"};

    private static final String[] NOUNS = {
        "Owl", "Harbor", "River", "Mountain", "Forest", "Wolf", "Raven", "Fox", "Tiger", "Lion",
        "Horse", "Ghost", "Machine", "Engine", "Signal", "Satellite", "Garden", "Ocean", "Island", "Desert",
        "Valley", "Canyon", "Tower", "Bridge", "Mirror", "Lantern", "Anchor", "Arrow", "Comet", "Planet",
        "Star", "Moon", "Cloud", "Storm", "Thunder", "Flame", "Ember", "Shadow", "Echo", "Dream",
        "Heart", "Crown", "Sword", "Rose", "Lily", "Orchid", "Sparrow", "Falcon", "Hawk", "Swan",
        "Bear", "Serpent", "Dragon", "Wave", "Tide", "Cathedral", "Kingdom", "Empire", "Circus", "Parade",
        "Radio", "Cassette", "Piano", "Drum", "Bell", "Choir", "Brother", "Sister", "Saint", "Sinner",
        "Prophet", "Pilot", "Sailor", "Hunter", "Dancer", "Drifter", "Stranger", "Monk", "Poet", "Thief",
        "Cowboy", "Lover", "Widow", "Giant", "Robot", "Daughter", "Glacier", "Meadow", "Lighthouse", "Orbit",
        "Mirage", "Compass", "Harvest", "Feather", "Pyramid", "Volcano", "Monsoon", "Galaxy", "Beacon", "Rebel"};

    private static final String[] FIRST = {
        "Anna", "Ben", "Clara", "David", "Elena", "Felix", "Grace", "Hugo", "Iris", "Jonas",
        "Kira", "Leo", "Maya", "Nina", "Oscar", "Paula", "Quinn", "Ruth", "Sam", "Tara",
        "Uma", "Victor", "Wanda", "Xavier", "Yara", "Zoë", "Björn", "Søren", "José", "Chloé",
        "Ingrid", "Mateo", "Amara", "Kenji", "Yuki", "Aisha", "Omar", "Lucía", "Nils", "Freya",
        "Emil", "Sofia", "Marcus", "Lena", "Tomás", "Astrid", "Ravi", "Mei", "Dmitri", "Olga",
        "Pierre", "Hélène", "Malik", "Nia", "Teodor", "Ines", "Rafael", "Saskia", "Jarvis", "Dolores"};

    private static final String[] LAST = {
        "Lindqvist", "Harper", "Moreau", "Okafor", "Tanaka", "Novak", "Silva", "Brennan", "Castillo", "Fischer",
        "Holloway", "Ivanova", "Jensen", "Kowalski", "Larsen", "Mendes", "Nakamura", "O'Connell", "Petrov", "Quintero",
        "Rossi", "Sandoval", "Takahashi", "Underwood", "Vance", "Whitfield", "Yilmaz", "Zimmermann", "Ashby", "Blackwood",
        "Calloway", "Delacroix", "Eriksson", "Fairbanks", "Gallagher", "Hartmann", "Iglesias", "Jovanović", "Kaur", "Lachance",
        "Marsh", "Nyström", "Oduya", "Pereira", "Ramírez", "Sinclair", "Thorne", "Valdez", "Wexler", "Achebe",
        "Bellamy", "Crowe", "Dubois", "Everett", "Finch", "Grieve", "Haddad", "Ito", "Kessler", "Lund"};

    private static final String[] GROUPS = {
        "Band", "Trio", "Quartet", "Orchestra", "Collective", "Ensemble", "Experience", "Project",
        "Sound System", "Brothers", "Sisters", "Choir", "Society", "Club", "Revival", "Syndicate"};

    /** {@code n} distinct names. */
    static String[] generate(int n, PortableRandom rng) {
        String[] out = new String[n];
        Set<String> used = new HashSet<>(Math.max(16, n * 2));
        for (int i = 0; i < n; i++) {
            String name = null;
            for (int attempt = 0; attempt < 64 && name == null; attempt++) {
                String candidate = draw(rng);
                if (used.add(candidate)) {
                    name = candidate;
                }
            }
            // the word lists give about a million names; past that, number the repeats as Discogs does
            for (int suffix = 2; name == null; suffix++) {
                String candidate = out[rng.below(i)] + " (" + suffix + ")";
                if (used.add(candidate)) {
                    name = candidate;
                }
            }
            out[i] = name;
        }
        return out;
    }

    private static String draw(PortableRandom r) {
        int pattern = r.below(100);
        if (pattern < 20) {
            return "The " + pick(r, ADJECTIVES) + " " + plural(pick(r, NOUNS));
        } else if (pattern < 36) {
            return pick(r, ADJECTIVES) + " " + pick(r, NOUNS);
        } else if (pattern < 56) {
            return pick(r, FIRST) + " " + pick(r, LAST);
        } else if (pattern < 66) {
            return pick(r, NOUNS) + " " + pick(r, NOUNS);
        } else if (pattern < 75) {
            return pick(r, FIRST) + " " + pick(r, LAST) + " " + pick(r, GROUPS);
        } else if (pattern < 82) {
            return pick(r, ADJECTIVES) + " " + pick(r, NOUNS) + " " + pick(r, GROUPS);
        } else if (pattern < 88) {
            return "The " + pick(r, NOUNS) + " " + pick(r, GROUPS);
        } else if (pattern < 93) {
            return pick(r, FIRST) + " & the " + plural(pick(r, NOUNS));
        } else if (pattern < 95) {
            return (r.below(2) == 0 ? "DJ " : "MC ") + pick(r, ADJECTIVES) + " " + pick(r, NOUNS);
        } else if (pattern < 98) {
            return pick(r, LAST) + ", " + pick(r, LAST) + " & " + pick(r, LAST);
        } else {
            return pick(r, FIRST) + " \"" + pick(r, ADJECTIVES) + "\" " + pick(r, LAST);
        }
    }

    private static String pick(PortableRandom r, String[] words) {
        return words[r.below(words.length)];
    }

    static String plural(String noun) {
        return switch (noun) {
            case "Wolf" -> "Wolves";
            case "Thief" -> "Thieves";
            case "Fox", "Compass" -> noun + "es";
            case "Lily" -> "Lilies";
            case "Galaxy" -> "Galaxies";
            default -> noun + "s";
        };
    }

    /** {@code v} as {@code digits} lowercase hex digits, zero-padded (the ids of generated users). */
    static String hex(long v, int digits) {
        String s = Long.toHexString(v);
        return "0".repeat(digits - s.length()) + s;
    }

    /** A version-4 UUID string from 128 random bits (the MusicBrainz ids of generated artists). */
    static String uuid(long hi, long lo) {
        hi = (hi & ~0xF000L) | 0x4000L;
        lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new java.util.UUID(hi, lo).toString();
    }
}
