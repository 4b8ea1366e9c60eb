package org.tastemap.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Generates listening data in the exact layout of the Last.fm 360K file
 * ({@code usersha1-artmbid-artname-plays.tsv}): per line a user's 40 lowercase hex sha1, the
 * artist's MusicBrainz id (a version-4 UUID, empty for about 15% of artists), the artist name and
 * a play count, separated by tabs, ending with {@code \n}, no header, UTF-8; gzip-compressed when
 * the file name ends with {@code .gz}. Users appear in sha1 order, each user's artists by
 * descending plays, as in the real file.
 *
 * <h2>Planted structure (the ground truth, see {@link #artists()} and {@link #genreOf})</h2>
 * <ul>
 *   <li>Each artist belongs to one of up to 16 genres ({@code artists / 40}, at least 1); genre
 *       {@code g} has popularity weight {@code 1 / (1 + 0.12 g)}, rock the most popular.</li>
 *   <li>Within a genre, artist r (in index order) has Zipf popularity {@code 1 / (r + 1)}.</li>
 *   <li>A user favours 1 (35%), 2 (40%) or 3 (25%) genres drawn by popularity, mixed by
 *       Dirichlet(1) weights, and takes each artist from them with probability 0.85 to 0.90
 *       (uniform per user), otherwise from all artists by popularity. No artist twice: a repeat is
 *       drawn again from the same side, so the share holds for heavy listeners too.</li>
 *   <li>Artists per user: 4% of users have 1 to 20; the rest {@code round(44 e^(0.55 z))},
 *       median 44, capped at {@value #MAX_ARTISTS_PER_USER} and at half the artists.</li>
 *   <li>Plays: {@code round(90 e^(0.8 z_user + 1.1 z))}, times 1.5 for favoured genres, at least 1:
 *       lognormal, median near 100, maxima of 10^5 at full size.</li>
 * </ul>
 * A {@link SyntheticShape} changes the rows, not the tastes: the median artists per user (44 above), the
 * median plays (90 above), and a cap that keeps only each user's top N artists by plays, as the
 * real 360K file does (about 50). {@link SyntheticShape#DEFAULT} writes exactly the rows described above.
 * The output depends only on the parameters: every draw comes from one seeded
 * {@link java.util.SplittableRandom} through {@link PortableRandom}, so equal parameters give
 * byte-identical files. Gzip output is compressed on all cores ({@link ParallelGzipOutputStream})
 * and does not depend on their number; its bytes could differ under another zlib, its content not.
 */
public final class SyntheticLastFm {
    public static final int DEFAULT_USERS = 3000;
    public static final int DEFAULT_ARTISTS = 1500;
    public static final long DEFAULT_SEED = 7;
    public static final int MAX_ARTISTS_PER_USER = 1000;
    /**
     * Deflate level 3: on this data it needs well under half the CPU of the default level 6 for an
     * output about 10% larger (docs/performance.md, "Measured constants").
     */
    static final int GZIP_LEVEL = 3;

    static final String[] GENRES = {"rock", "pop", "electronic", "hip-hop", "indie", "metal", "jazz", "folk",
        "classical", "punk", "soul", "blues", "country", "reggae", "ambient", "latin"};

    /** An artist's name, MusicBrainz id (empty when it has none) and genre. */
    public record ArtistInfo(String name, String mbid, String genre) {
    }

    /** What a write produced. */
    public record Summary(int users, int artists, long rows, long bytes, int maxArtistsPerUser, int maxPlays) {
    }

    private final int numUsers;
    private final int numArtists;
    private final long seed;
    private final SyntheticShape shape;
    private final int numGenres;
    /** Genre of each artist; bytes keep the table in cache while rows are drawn. */
    private final byte[] artistGenre;
    private final String[] names;
    private final String[] mbids;
    private final Map<String, Integer> byName;
    /** User u's sha1 is bytes [40u, 40u + 40), users in sha1 order. */
    private final byte[] userIds;
    /** User u's favoured genres at [3u, 3u + 3), -1 when fewer than 3. */
    private final byte[] userGenres;
    /** Cumulative mixing weights of those genres. */
    private final float[] userMix;
    private final long[] userSeeds;
    /** Artist indexes of genre g by popularity, and their cumulative Zipf weights. */
    private final int[][] genreArtists;
    private final double[][] genreCdf;
    private final double[] globalCdf;

    private SyntheticLastFm(int numUsers, int numArtists, long seed, SyntheticShape shape) {
        this.numUsers = numUsers;
        this.numArtists = numArtists;
        this.seed = seed;
        this.shape = shape;
        PortableRandom rng = new PortableRandom(seed);
        numGenres = Math.max(1, Math.min(GENRES.length, numArtists / 40));
        double[] genreWeight = new double[numGenres];
        for (int g = 0; g < numGenres; g++) {
            genreWeight[g] = 1.0 / (1.0 + 0.12 * g);
        }
        double[] genrePick = cumulative(genreWeight);

        // artists: every genre gets one first, the rest by genre popularity
        artistGenre = new byte[numArtists];
        int[] genreSize = new int[numGenres];
        for (int a = 0; a < numArtists; a++) {
            int g = a < numGenres ? a : draw(genrePick, rng.unit());
            artistGenre[a] = (byte) g;
            genreSize[g]++;
        }
        names = SyntheticNames.generate(numArtists, rng);
        mbids = new String[numArtists];
        for (int a = 0; a < numArtists; a++) {
            mbids[a] = rng.unit() < 0.15 ? "" : SyntheticNames.uuid(rng.nextLong(), rng.nextLong());
        }
        byName = new HashMap<>(numArtists * 2);
        for (int a = 0; a < numArtists; a++) {
            byName.put(names[a], a);
        }

        // popularity: Zipf 1/(r+1) within a genre; over all artists, that times the genre's weight
        genreArtists = new int[numGenres][];
        genreCdf = new double[numGenres][];
        for (int g = 0; g < numGenres; g++) {
            genreArtists[g] = new int[genreSize[g]];
            genreCdf[g] = new double[genreSize[g]];
        }
        int[] fill = new int[numGenres];
        double[] global = new double[numArtists];
        for (int a = 0; a < numArtists; a++) {
            int g = artistGenre[a];
            int r = fill[g]++;
            genreArtists[g][r] = a;
            genreCdf[g][r] = 1.0 / (r + 1);
        }
        for (int g = 0; g < numGenres; g++) {
            genreCdf[g] = cumulative(genreCdf[g]);
        }
        Arrays.fill(fill, 0);
        for (int a = 0; a < numArtists; a++) {
            int g = artistGenre[a];
            int r = fill[g]++;
            global[a] = genreWeight[g] / (r + 1) / genreCdf[g][genreSize[g] - 1];
        }
        globalCdf = cumulative(global);

        // users: random sha1-like ids, sorted as in the real file, then each user's taste
        String[] ids = new String[numUsers];
        for (int u = 0; u < numUsers; u++) {
            ids[u] = SyntheticNames.hex(rng.nextLong(), 16) + SyntheticNames.hex(rng.nextLong(), 16)
                    + SyntheticNames.hex(rng.nextLong() >>> 32, 8);
        }
        Arrays.sort(ids);
        userIds = new byte[40 * numUsers];
        for (int u = 0; u < numUsers; u++) {
            System.arraycopy(ids[u].getBytes(StandardCharsets.US_ASCII), 0, userIds, 40 * u, 40);
        }
        userGenres = new byte[3 * numUsers];
        userMix = new float[3 * numUsers];
        userSeeds = new long[numUsers];
        Arrays.fill(userGenres, (byte) -1);
        for (int u = 0; u < numUsers; u++) {
            double c = rng.unit();
            int m = Math.min(numGenres, c < 0.35 ? 1 : c < 0.75 ? 2 : 3);
            double[] w = new double[m];
            for (int j = 0; j < m; j++) {
                int g;
                do {
                    g = draw(genrePick, rng.unit());
                } while (j > 0 && contains(userGenres, 3 * u, j, g));
                userGenres[3 * u + j] = (byte) g;
                w[j] = rng.exponential();
            }
            double[] cw = cumulative(w);
            for (int j = 0; j < m; j++) {
                userMix[3 * u + j] = (float) (cw[j] / cw[m - 1]);
            }
            userSeeds[u] = rng.nextLong();
        }
    }

    /**
     * A generator of {@code users} users and {@code artists} artists from {@code seed}; builds the
     * artists and users' tastes (fast: well under a second at full Last.fm size).
     */
    public static SyntheticLastFm create(int users, int artists, long seed) {
        return create(users, artists, seed, SyntheticShape.DEFAULT);
    }

    /** As {@link #create(int, int, long)}, with rows of the given shape (same tastes). */
    public static SyntheticLastFm create(int users, int artists, long seed, SyntheticShape shape) {
        if (shape == null) {
            throw new IllegalArgumentException("shape must not be null");
        }
        if (users < 1 || users > 50_000_000) {
            throw new IllegalArgumentException("users must be between 1 and 50,000,000 (got " + users + ")");
        }
        if (artists < 2 || artists > 10_000_000) {
            throw new IllegalArgumentException("artists must be between 2 and 10,000,000 (got " + artists + ")");
        }
        return new SyntheticLastFm(users, artists, seed, shape);
    }

    /** The default sample: {@value #DEFAULT_USERS} users, {@value #DEFAULT_ARTISTS} artists, seed {@value #DEFAULT_SEED}. */
    public static SyntheticLastFm defaults() {
        return create(DEFAULT_USERS, DEFAULT_ARTISTS, DEFAULT_SEED);
    }

    public int users() {
        return numUsers;
    }

    public int artistCount() {
        return numArtists;
    }

    public long seed() {
        return seed;
    }

    public SyntheticShape shape() {
        return shape;
    }

    /** The genres in use, most popular first. */
    public List<String> genres() {
        return List.of(Arrays.copyOf(GENRES, numGenres));
    }

    /** Every artist with its genre: the ground truth of the planted structure. */
    public List<ArtistInfo> artists() {
        return new AbstractList<>() {
            @Override
            public ArtistInfo get(int a) {
                return new ArtistInfo(names[a], mbids[a], GENRES[artistGenre[a]]);
            }

            @Override
            public int size() {
                return numArtists;
            }
        };
    }

    /** The genre of the artist named {@code name}, or null when no artist has that name. */
    public String genreOf(String name) {
        Integer a = byName.get(name);
        return a == null ? null : GENRES[artistGenre[a]];
    }

    /** The genres user u (the u-th user in the file) favours, first drawn first. */
    public List<String> favouredGenres(int u) {
        return Arrays.stream(favouredGenreIndexes(u)).mapToObj(g -> GENRES[g]).toList();
    }

    /** The indexes of the genres user u favours (1 to 3 of them). */
    int[] favouredGenreIndexes(int u) {
        int m = 0;
        while (m < 3 && userGenres[3 * u + m] >= 0) {
            m++;
        }
        int[] out = new int[m];
        for (int j = 0; j < m; j++) {
            out[j] = userGenres[3 * u + j];
        }
        return out;
    }

    /** The file name of the genre sidecar of a data file: {@code FILE.genres.tsv}. */
    public static Path genresSidecar(Path dataFile) {
        return dataFile.resolveSibling(dataFile.getFileName() + ".genres.tsv");
    }

    /** Writes the data to {@code file}, gzipped when its name ends with .gz, atomically. */
    public Summary write(Path file) throws IOException {
        return write(file, FileProgress.NONE, () -> false);
    }

    /**
     * Writes the data to {@code file}, gzipped when its name ends with .gz, atomically; reports
     * users written; throws {@link CancellationException} (leaving no file) when cancelled.
     */
    public Summary write(Path file, FileProgress progress, BooleanSupplier cancelled) throws IOException {
        boolean gzip = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz");
        Summary[] result = new Summary[1];
        AtomicFileWrite.writeStream(file, stream -> {
            if (gzip) {
                int threads = Runtime.getRuntime().availableProcessors();
                try (ParallelGzipOutputStream z = new ParallelGzipOutputStream(stream, threads, GZIP_LEVEL)) {
                    result[0] = writeTo(z, progress, cancelled);
                    z.finish();
                }
            } else {
                result[0] = writeTo(stream, progress, cancelled);
            }
        });
        return result[0];
    }

    /** Writes the uncompressed data to {@code out}; does not close it. */
    public Summary writeTo(OutputStream out, FileProgress progress, BooleanSupplier cancelled) throws IOException {
        return new SyntheticRows(this).write(out, progress, cancelled);
    }

    /** Writes the ground truth as {@code name<TAB>genre} lines, in artist order, atomically. */
    public void writeGenres(Path file) throws IOException {
        AtomicFileWrite.writeStream(file, stream -> {
            Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            for (int a = 0; a < numArtists; a++) {
                w.write(names[a]);
                w.write('\t');
                w.write(GENRES[artistGenre[a]]);
                w.write('\n');
            }
            w.flush();
        });
    }

    // --- package-private views for SyntheticRows ---

    int numGenres() {
        return numGenres;
    }

    int genreOf(int artist) {
        return artistGenre[artist];
    }

    byte[] userIdBytes() {
        return userIds;
    }

    String name(int a) {
        return names[a];
    }

    String mbid(int a) {
        return mbids[a];
    }

    long userSeed(int u) {
        return userSeeds[u];
    }

    float userMix(int u, int j) {
        return userMix[3 * u + j];
    }

    int[] genreArtists(int g) {
        return genreArtists[g];
    }

    double[] genreCdf(int g) {
        return genreCdf[g];
    }

    double[] globalCdf() {
        return globalCdf;
    }

    /** The index whose cumulative weight first exceeds {@code u * total}. */
    static int draw(double[] cdf, double u) {
        double x = u * cdf[cdf.length - 1];
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static double[] cumulative(double[] w) {
        double[] c = new double[w.length];
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i];
            c[i] = s;
        }
        return c;
    }

    private static boolean contains(byte[] a, int from, int n, int v) {
        for (int i = from; i < from + n; i++) {
            if (a[i] == v) {
                return true;
            }
        }
        return false;
    }
}
