package org.tastemap.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Small files for import tests. */
final class TestFiles {
    static final String U1 = "00000c289a1829a808ac09c00daf10bc3c4e223b";
    static final String U2 = "00001411dc427966b17297bf4d69e7e193135d89";
    static final String U3 = "00004d2ac9316e22dc007ab2243d6fcb239e707d";

    private TestFiles() {
    }

    static Path write(Path dir, String name, String text) {
        return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(String text) {
        return gzip(text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] withBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }

    /** One Last.fm row: user, MBID, artist name, plays, with a line feed. */
    static String row(String user, String mbid, String artist, String plays) {
        return user + "\t" + mbid + "\t" + artist + "\t" + plays + "\n";
    }

    /** A 40-hex-digit user id made from a number. */
    static String sha(int n) {
        return String.format("%040x", n);
    }

    /** A Last.fm file of {@code rows} good rows: user r / 20, artist r % 97, plays r % 50 + 1. */
    static String lastFmRows(int rows) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            sb.append(row(sha(r / 20), "", "artist " + (r % 97), String.valueOf(r % 50 + 1)));
        }
        return sb.toString();
    }
}
