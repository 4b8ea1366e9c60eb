package org.tastemap.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The hidden temporary files and folders that atomic writes stage their content in, named
 * {@code .NAME.PID-N.tmp} next to their target (NAME the target's name, PID the writing process,
 * N a counter).
 *
 * <ul>
 *   <li>Every one is registered while in use; a shutdown hook, which the JVM runs on a normal exit,
 *       on {@code System.exit}, on SIGTERM and on SIGINT (Ctrl-C), deletes those still registered.
 *       SIGKILL ({@code kill -9}) and a power cut run no hook: for those,</li>
 *   <li>{@link #removeStale} deletes, before each new one is made, the temporary files of the same
 *       target left by processes that no longer run (and this process's own unregistered ones,
 *       left by an earlier process that had the same PID). Those of processes still running are
 *       kept, as they may be in the middle of a save.</li>
 * </ul>
 */
final class TempFiles {
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final Set<Path> LIVE = ConcurrentHashMap.newKeySet();
    private static final long PID = ProcessHandle.current().pid();
    private static volatile boolean hookInstalled;

    private TempFiles() {
    }

    /**
     * Creates and registers a new empty file next to {@code target}. Not
     * {@link Files#createTempFile}: that makes the file readable by its owner only, and the rename
     * would carry those permissions to the target.
     */
    static Path createFile(Path target) throws IOException {
        return create(target, false);
    }

    /** Creates and registers a new empty folder next to {@code target}. */
    static Path createDirectory(Path target) throws IOException {
        return create(target, true);
    }

    private static Path create(Path target, boolean directory) throws IOException {
        installHook();
        Path dir = target.getParent();
        String name = target.getFileName().toString();
        removeStale(dir, name);
        while (true) {
            Path tmp = dir.resolve("." + name + "." + PID + "-" + COUNTER.incrementAndGet() + ".tmp");
            // registered before it exists, so that a cleanup running meanwhile never sees it unregistered
            LIVE.add(tmp);
            try {
                if (directory) {
                    Files.createDirectory(tmp);
                } else {
                    FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                }
                return tmp;
            } catch (FileAlreadyExistsException e) {
                // left over by a crashed process with the same pid: try the next name
                LIVE.remove(tmp);
            } catch (IOException | RuntimeException e) {
                LIVE.remove(tmp);
                throw e;
            }
        }
    }

    /** Deletes a temporary file or folder (with its content) and unregisters it; quiet about failures. */
    static void discard(Path tmp) {
        deleteQuietly(tmp);
        LIVE.remove(tmp);
    }

    /** Unregisters a temporary file that was renamed into place. */
    static void done(Path tmp) {
        LIVE.remove(tmp);
    }

    /**
     * Deletes the temporary files and folders of {@code name} in {@code dir} whose process no longer
     * runs, and this process's own ones that are not in use.
     *
     * @return the paths removed
     */
    static List<Path> removeStale(Path dir, String name) {
        List<Path> removed = new ArrayList<>();
        Pattern p = Pattern.compile("\\." + Pattern.quote(name) + "\\.(\\d{1,19})-\\d{1,19}\\.tmp");
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, "." + globEscape(name) + ".*.tmp")) {
            for (Path f : s) {
                Matcher m = p.matcher(f.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                boolean stale = pid == PID ? !LIVE.contains(f) : !alive(pid);
                if (stale && deleteQuietly(f)) {
                    removed.add(f);
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning up is a courtesy: never the reason a save fails
        }
        return removed;
    }

    private static boolean alive(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        return h.isPresent() && h.get().isAlive();
    }

    /** Deletes everything still registered: what the shutdown hook runs. */
    static void deleteLive() {
        for (Path p : List.copyOf(LIVE)) {
            discard(p);
        }
    }

    private static void installHook() {
        if (!hookInstalled) {
            synchronized (TempFiles.class) {
                if (!hookInstalled) {
                    Runtime.getRuntime().addShutdownHook(new Thread(TempFiles::deleteLive, "tastemap-temp-cleanup"));
                    hookInstalled = true;
                }
            }
        }
    }

    private static boolean deleteQuietly(Path p) {
        try {
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path q : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                        Files.deleteIfExists(q);
                    }
                }
                return true;
            }
            return Files.deleteIfExists(p);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String globEscape(String s) {
        return s.replaceAll("[\\\\*?\\[\\]{}]", "\\\\$0");
    }
}
