package org.tastemap.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Reads a large plain Last.fm file on two threads: the file is cut at the first line break after its
 * middle, this thread reads the first half and a worker the second, each with its own
 * {@link LastFmReader}; the first then absorbs the second, so ids, rows and line numbers come out as
 * a single reader would make them. Looking up artist names is memory-bound, so a second core nearly
 * halves the reading time. Gzip files cannot be cut and are read on one thread.
 */
final class LastFmParallelReader {
    /** Smaller files are read on one thread: splitting would save well under a second. */
    static final long MIN_BYTES = 64L << 20;
    private static final int SPLIT_SEARCH_BYTES = 1 << 20;

    private LastFmParallelReader() {
    }

    /** Whether to read this file on two threads. */
    static boolean suits(SourceFile src) {
        return !src.isGzip() && src.size() >= MIN_BYTES && Runtime.getRuntime().availableProcessors() >= 2;
    }

    /**
     * Reads {@code file} in two halves, or returns null when no line break was found near the middle
     * (the caller then reads it on one thread).
     */
    static RawData read(Path file, String name, double minPlays, TextEncoding encoding, RowSkips skips,
                        ProgressTicker ticker) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long split = findSplit(channel, size / 2);
            if (split < 0) {
                return null;
            }
            Range first = new Range(channel, byteOrderMarkLength(channel), split);
            Range second = new Range(channel, split, size);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicLong secondRows = new AtomicLong();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            // the second half: no early bad-row check (the first rows of the file are in the first half)
            LastFmReader secondReader = new LastFmReader(minPlays, new RowSkips(name, 1.0, Integer.MAX_VALUE),
                    Triplets.capacityFor(size - split, false));
            Thread worker = new Thread(() -> {
                try {
                    secondReader.scan(second, name, new ProgressTicker(name, (b, t, rows) -> secondRows.set(rows),
                            stop::get, () -> 0, 1));
                } catch (Throwable t) {
                    failure.set(t);
                }
            }, "tastemap-import-second-half");
            worker.setDaemon(true);

            LastFmReader firstReader = new LastFmReader(minPlays, skips, Triplets.capacityFor(split, false));
            ticker.readFrom(() -> first.consumed + second.consumed + first.from, secondRows::get);
            worker.start();
            try {
                firstReader.scan(first, name, ticker);
                while (worker.isAlive()) {
                    worker.join(50);
                    ticker.tick(firstReader.rows());
                }
            } catch (IOException | RuntimeException | Error e) {
                stop.set(true);
                joinUninterruptibly(worker);
                throw e;
            } catch (InterruptedException e) {
                stop.set(true);
                Thread.currentThread().interrupt();
                throw new ImportCancelledException(name);
            } finally {
                ticker.readFrom(null, null);
            }
            Throwable t = failure.get();
            if (t instanceof IOException io) {
                throw io;
            } else if (t instanceof RuntimeException re) {
                throw re;
            } else if (t instanceof Error err) {
                throw err;
            } else if (t != null) {
                throw new IOException(t);
            }
            firstReader.absorb(secondReader);
            return firstReader.finish(encoding);
        }
    }

    /** The position right after the first line feed at or after {@code from}, or -1 if none is near. */
    static long findSplit(FileChannel channel, long from) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
        long pos = from;
        while (pos < from + SPLIT_SEARCH_BYTES) {
            buf.clear();
            int n = channel.read(buf, pos);
            if (n <= 0) {
                return -1;
            }
            for (int i = 0; i < n; i++) {
                if (buf.get(i) == '\n') {
                    return pos + i + 1;
                }
            }
            pos += n;
        }
        return -1;
    }

    private static int byteOrderMarkLength(FileChannel channel) throws IOException {
        ByteBuffer bom = ByteBuffer.allocate(3);
        channel.read(bom, 0);
        return bom.position() == 3 && (bom.get(0) & 0xff) == 0xEF && (bom.get(1) & 0xff) == 0xBB
                && (bom.get(2) & 0xff) == 0xBF ? 3 : 0;
    }

    private static void joinUninterruptibly(Thread worker) {
        boolean interrupted = false;
        while (worker.isAlive()) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Bytes {@code [from, to)} of a file, read with positional reads (safe to share the channel). */
    private static final class Range extends InputStream {
        private final FileChannel channel;
        final long from;
        private final long to;
        private long pos;
        /** Bytes read so far; written by the reading thread, read by the progress thread. */
        volatile long consumed;

        Range(FileChannel channel, long from, long to) {
            this.channel = channel;
            this.from = from;
            this.to = to;
            this.pos = from;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= to) {
                return -1;
            }
            int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, to - pos)), pos);
            if (n < 0) {
                return -1;
            }
            pos += n;
            consumed = pos - from;
            return n;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }
    }
}
