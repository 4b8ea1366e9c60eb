package org.tastemap.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.tastemap.core.data.Dataset;
import org.tastemap.core.data.IdIndex;
import org.tastemap.core.data.InteractionMatrix;

/**
 * Seeded listening data with taste structure for the app's tests and screenshots: artists belong to
 * genres and are Zipf-popular within them; each user mostly plays one or two genres. Artist names are
 * made of genre-flavoured words, so that similar artists read as plausible neighbours.
 */
public final class SyntheticListening {
    private static final String[][] ADJ = {
        {"Iron", "Black", "Grave", "Frost", "Burning", "Savage", "Dark", "Molten"},
        {"Velvet", "Paper", "Glass", "Quiet", "Paper", "Silver", "Pale", "Golden"},
        {"Neon", "Digital", "Midnight", "Laser", "Chrome", "Electric", "Pulse", "Static"},
        {"Lil", "Young", "Big", "MC", "Kid", "Yung", "DJ", "Lord"},
        {"Blue", "Smoky", "Late", "Slow", "Low", "Sweet", "Brass", "Mellow"},
        {"Lonesome", "Dusty", "Whiskey", "Prairie", "Old", "Rusty", "Southern", "Wild"},
        {"Cosmic", "Sunset", "Ocean", "Tropical", "Lunar", "Solar", "Crystal", "Endless"},
        {"Royal", "Grand", "Noble", "Silent", "Eternal", "Ancient", "Serene", "Baroque"},
    };
    private static final String[][] NOUN = {
        {"Throne", "Wolves", "Serpent", "Doom", "Crypt", "Legion", "Hammer", "Abyss"},
        {"Owls", "Lanterns", "Gardens", "Letters", "Rivers", "Foxes", "Birds", "Cathedrals"},
        {"Circuits", "Waves", "Machines", "Signals", "Grid", "Horizon", "Drive", "Vector"},
        {"Flex", "Cash", "Tone", "Kaine", "Jay", "Smoke", "Rhyme", "Drip"},
        {"Note", "Quartet", "Hour", "Trio", "Standard", "Cadence", "Groove", "Session"},
        {"Hollow", "Ramblers", "Creek", "Riders", "Wagon", "Boots", "Canyon", "Saddle"},
        {"Dreams", "Shores", "Bloom", "Tides", "Haze", "Skies", "Echoes", "Drift"},
        {"Ensemble", "Orchestra", "Chamber", "Philharmonic", "Consort", "Strings", "Choir", "Symphonia"},
    };

    private SyntheticListening() {
    }

    /** Triplets of a generated dataset. */
    public record Data(String[] users, String[] artists, int[] u, int[] i, float[] plays, int n) {
    }

    public static Data generate(int users, int artists, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int genres = ADJ.length;
        String[] names = new String[artists];
        int[] genreOf = new int[artists];
        Set<String> used = new HashSet<>();
        for (int a = 0; a < artists; a++) {
            int g = a % genres;
            genreOf[a] = g;
            String name;
            int tries = 0;
            do {
                String base = (rnd.nextInt(4) == 0 && g != 3 ? "The " : "") + ADJ[g][rnd.nextInt(ADJ[g].length)] + " " + NOUN[g][rnd.nextInt(NOUN[g].length)];
                name = tries++ < 6 ? base : base + " " + (tries - 5);
            } while (!used.add(name));
            names[a] = name;
        }
        String[] userIds = new String[users];
        int cap = users * 120;
        int[] us = new int[cap];
        int[] is = new int[cap];
        float[] ps = new float[cap];
        int n = 0;
        int perGenre = (artists + genres - 1) / genres;
        for (int u = 0; u < users; u++) {
            userIds[u] = String.format(Locale.ROOT, "%040x", new java.math.BigInteger(1, longBytes(rnd.nextLong(), rnd.nextLong(), rnd.nextLong())))
                    .substring(0, 40);
            int g1 = rnd.nextInt(genres);
            int g2 = rnd.nextInt(genres);
            int count = Math.min(artists / 2, (int) Math.round(Math.exp(2.2 + rnd.nextDouble() * 1.8)));
            Set<Integer> mine = new HashSet<>();
            for (int c = 0; c < count * 3 && mine.size() < count; c++) {
                double roll = rnd.nextDouble();
                int g = roll < 0.65 ? g1 : roll < 0.9 ? g2 : rnd.nextInt(genres);
                // Zipf-like rank within the genre: small ranks are much more likely
                int rank = (int) Math.floor(Math.pow(perGenre, rnd.nextDouble() * rnd.nextDouble())) - 1;
                int a = rank * genres + g;
                if (a < artists && mine.add(a)) {
                    us[n] = u;
                    is[n] = a;
                    ps[n++] = (float) Math.max(1, Math.round(Math.exp(rnd.nextDouble() * 5.5)));
                }
            }
        }
        return new Data(userIds, names, us, is, ps, n);
    }

    private static byte[] longBytes(long... v) {
        byte[] b = new byte[v.length * 8];
        for (int q = 0; q < b.length; q++) {
            b[q] = (byte) (v[q / 8] >>> (8 * (q % 8)));
        }
        b[0] |= 0x10;
        return b;
    }

    /** The generated data as a dataset (artists keyed by name, as for Last.fm). */
    public static Dataset dataset(int users, int artists, long seed) {
        Data d = generate(users, artists, seed);
        InteractionMatrix m = InteractionMatrix.fromTriplets(users, artists, d.u(), d.i(), d.plays(), d.n());
        return Dataset.of(m, IdIndex.of(d.users()), IdIndex.of(d.artists()));
    }

    /** Writes the data as a Last.fm 360K TSV (gzip when the name ends with .gz). */
    public static Path writeLastFm(Path file, int users, int artists, long seed) throws IOException {
        Data d = generate(users, artists, seed);
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
             Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            for (int q = 0; q < d.n(); q++) {
                w.write(d.users()[d.u()[q]] + "\t\t" + d.artists()[d.i()[q]] + "\t" + (long) d.plays()[q] + "\n");
            }
        }
        return file;
    }

    /** {@code java ... SyntheticListening FILE USERS ARTISTS}: writes a sample file. */
    public static void main(String[] args) throws IOException {
        writeLastFm(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]), 42L);
    }
}
