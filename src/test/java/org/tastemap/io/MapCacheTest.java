package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.core.map.ArtistMap;
import org.tastemap.core.map.MapMethod;
import org.tastemap.core.map.MapOptions;
import org.tastemap.core.model.AlsParams;
import org.tastemap.core.model.FactorModel;

class MapCacheTest {
    static final MapOptions OPTIONS = MapOptions.defaults().withMaxArtists(3).withSeed(9);
    static final ArtistMap MAP = new ArtistMap(new int[] {4, 0, 2}, new float[] {1.5f, -0.25f, 3e-7f}, new float[] {0, 2, -1},
            new int[] {0, 1, 0}, 2, MapMethod.TSNE, true);

    @Test
    void aSavedMapComesBackExactly(@TempDir Path dir) throws IOException {
        MapCache cache = new MapCache(dir.resolve("maps"));
        assertEquals(Optional.empty(), cache.load("key1", OPTIONS, 5), "nothing saved yet");
        cache.save("key1", OPTIONS, MAP);
        assertEquals(Optional.of(MAP), cache.load("key1", OPTIONS, 5));
        assertEquals(Optional.empty(), cache.load("key1", OPTIONS.withSeed(10), 5), "another seed is another map");
        assertEquals(Optional.empty(), cache.load("key2", OPTIONS, 5), "another model is another map");
        assertEquals(cache.load("key1", OPTIONS, 5), cache.load("key1", OPTIONS.withThreads(1), 5), "threads do not change a map");
    }

    @Test
    void aDamagedOrForeignFileIsRefusedNamingIt(@TempDir Path dir) throws IOException {
        MapCache cache = new MapCache(dir);
        cache.save("key", OPTIONS, MAP);
        Path file = cache.fileFor("key", OPTIONS);
        byte[] good = Files.readAllBytes(file);

        byte[] flipped = good.clone();
        flipped[good.length - 10] ^= 1;
        Files.write(file, flipped);
        IOException e = assertThrows(IOException.class, () -> cache.load("key", OPTIONS, 5));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("checksum"), e.getMessage());

        Files.write(file, java.util.Arrays.copyOf(good, good.length - 7));
        assertThrows(IOException.class, () -> cache.load("key", OPTIONS, 5), "cut short");

        Files.write(file, good);
        e = assertThrows(IOException.class, () -> cache.load("key", OPTIONS, 4), "artist 4 is not in a model of 4 artists");
        assertTrue(e.getMessage().contains("artist 4"), e.getMessage());

        // "key/x" and "key_x" share a file name; the key inside tells them apart
        cache.save("key/x", OPTIONS, MAP);
        e = assertThrows(IOException.class, () -> cache.load("key_x", OPTIONS, 5));
        assertTrue(e.getMessage().contains("another model"), e.getMessage());

        Files.writeString(file, "not a map");
        e = assertThrows(IOException.class, () -> cache.load("key", OPTIONS, 5));
        assertTrue(e.getMessage().contains("not a Tastemap map file"), e.getMessage());
    }

    @Test
    void keysFollowTheModel(@TempDir Path dir) throws IOException {
        FactorModel a = new FactorModel(2, 1, 2, new float[2], new float[] {1, 2, 3, 4}, AlsParams.defaults(), 1);
        FactorModel b = new FactorModel(2, 1, 2, new float[2], new float[] {1, 2, 3, 4.5f}, AlsParams.defaults(), 1);
        assertEquals(MapCache.modelKey(a), MapCache.modelKey(new FactorModel(2, 1, 2, new float[2], new float[] {1, 2, 3, 4},
                AlsParams.defaults(), 1)));
        assertNotEquals(MapCache.modelKey(a), MapCache.modelKey(b));
        Path f = dir.resolve("m.tsm");
        Files.write(f, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        // size 8, last four bytes 05 06 07 08 little-endian
        assertEquals("f8-08070605", MapCache.modelKey(f));
        assertEquals(dir.resolve("maps"), MapCache.besideSession(dir.resolve("session")).folder());
    }
}
