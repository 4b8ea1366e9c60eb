package org.tastemap.io;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * An opened file to import: plain or gzip (told by its magic bytes, not its name), with a UTF-8
 * byte order mark skipped, and a count of the bytes consumed from disk for progress.
 */
final class SourceFile implements Closeable {
    /** How much of the (decompressed) text {@link #sample()} looks at. */
    static final int SAMPLE_BYTES = 64 * 1024;

    private final String name;
    private final long size;
    private final boolean gzip;
    private final CountingInputStream raw;
    private final BufferedInputStream content;
    private final TrailCheckingGzip inflater;

    private SourceFile(String name, long size, boolean gzip, CountingInputStream raw, BufferedInputStream content,
                       TrailCheckingGzip inflater) {
        this.name = name;
        this.size = size;
        this.gzip = gzip;
        this.raw = raw;
        this.content = content;
        this.inflater = inflater;
    }

    /** Opens {@code path} to sample it, without a read-ahead thread. */
    static SourceFile open(Path path) throws IOException {
        return open(path, false);
    }

    /**
     * Opens {@code path}, with a clear {@link ImportException} when it is missing, a folder or empty.
     *
     * @param readAhead for gzip: inflate on a background thread while the caller parses
     */
    static SourceFile open(Path path, boolean readAhead) throws IOException {
        String name = fileName(path);
        if (Files.isDirectory(path)) {
            throw new ImportException(name, "this is a folder, not a file");
        }
        if (Files.exists(path) && !Files.isRegularFile(path)) {
            // a device never ends (/dev/zero) and a FIFO without a writer blocks the open for ever
            throw new ImportException(name, "this is not a regular file (a device, pipe or socket): save the data"
                    + " to a file first, or give it on standard input as --input -");
        }
        long size;
        InputStream file;
        try {
            size = Files.size(path);
            file = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new ImportException(name, "no such file", e);
        }
        if (size == 0) {
            file.close();
            throw new ImportException(name, "the file is empty");
        }
        CountingInputStream raw = new CountingInputStream(file);
        try {
            BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
            buffered.mark(2);
            boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
            buffered.reset();
            BufferedInputStream content;
            TrailCheckingGzip inflater = null;
            if (gzip) {
                inflater = new TrailCheckingGzip(buffered);
                InputStream inflated = inflater;
                if (readAhead) {
                    inflated = new ReadAheadInputStream(inflated, "tastemap-inflate " + name);
                }
                content = new BufferedInputStream(inflated, 1 << 16);
            } else {
                content = buffered;
            }
            skipByteOrderMark(content);
            return new SourceFile(name, size, gzip, raw, content, inflater);
        } catch (IOException | RuntimeException e) {
            raw.close();
            if (e instanceof java.util.zip.ZipException || e instanceof java.io.EOFException) {
                throw new ImportException(name, "it starts like a gzip file but cannot be decompressed (" + e.getMessage() + ")", e);
            }
            throw e;
        }
    }

    static String fileName(Path path) {
        Path n = path.getFileName();
        return n == null ? path.toString() : n.toString();
    }

    private static void skipByteOrderMark(BufferedInputStream in) throws IOException {
        in.mark(3);
        if (!(in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF)) {
            in.reset();
        }
    }

    /** The file name (without folders), for messages. */
    String name() {
        return name;
    }

    /** Size of the file on disk. */
    long size() {
        return size;
    }

    boolean isGzip() {
        return gzip;
    }

    /** Bytes consumed from the file on disk so far (compressed bytes for gzip; includes read-ahead). */
    long bytesRead() {
        return raw.count;
    }

    /** The decompressed text after any byte order mark. */
    InputStream content() {
        return content;
    }

    /**
     * The first up to {@link #SAMPLE_BYTES} bytes of the content, without consuming them. Only call
     * before reading {@link #content()}.
     */
    byte[] sample() throws IOException {
        content.mark(SAMPLE_BYTES + 1);
        byte[] sample = new byte[SAMPLE_BYTES];
        int n = 0;
        try {
            while (n < sample.length) {
                int r = content.read(sample, n, sample.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new ImportException(name, "the gzip data is damaged (" + e.getMessage() + ")", e);
        }
        content.reset();
        return n == sample.length ? sample : Arrays.copyOf(sample, n);
    }

    /** Whether bytes follow the end of the gzip data (known once the content was read to its end). */
    boolean trailingData() {
        return inflater != null && inflater.trailing;
    }

    @Override
    public void close() throws IOException {
        content.close();
    }

    /**
     * Notes bytes after the last gzip member, which GZIPInputStream skips silently: at the end of the
     * data more than the 8-byte trailer is left in the inflater's input, or the file goes on. (Garbage
     * of 1 or 2 bytes that starts exactly at a read-buffer boundary is consumed unseen.)
     */
    private static final class TrailCheckingGzip extends GZIPInputStream {
        private final InputStream source;
        private boolean ended;
        volatile boolean trailing;

        TrailCheckingGzip(InputStream source) throws IOException {
            super(source, 1 << 16);
            this.source = source;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n < 0 && !ended) {
                ended = true;
                trailing = inf.getRemaining() > 8 || source.read() >= 0;
            }
            return n;
        }
    }

    /** Counts the bytes read through it; one thread reads, another may look at the count. */
    private static final class CountingInputStream extends FilterInputStream {
        volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = in.skip(n);
            count += s;
            return s;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
