package org.tastemap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.cli.Cli;

/**
 * The launcher as a user starts it: a real {@code java} process without the vector module, so that
 * it starts the worker JVM as the runnable jar does (the tests themselves run with the module, where
 * the launcher would not relaunch).
 */
class LauncherProcessTest {
    /** Generous bounds on waiting for a process, so that a loaded machine does not fail the test. */
    private static final long STARTUP_SECONDS = 120;
    private static final long EXIT_SECONDS = 15;

    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void generate() {
        // 4,000 listeners: an iteration at 32 factors takes tens of milliseconds, so a run of 10,000
        // iterations is still training whenever the test stops it
        data = dir.resolve("plays.tsv");
        int code = Cli.run(new String[] {"generate", "--out", data.toString(), "--users", "4000", "--artists", "1800", "--seed", "5"},
                new PrintStream(new ByteArrayOutputStream()), System.err);
        assertEquals(0, code);
    }

    /** {@code java -cp <the tests' class path> org.tastemap.Launcher args}, without --add-modules. */
    static Process launch(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().remove("TASTEMAP_NO_RELAUNCH");
        return pb.start();
    }

    /** Everything a stream holds until it ends, read on another thread. */
    static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    /** Starts a long training run and returns once it prints its first iteration, with the worker's handle. */
    static ProcessHandle startTraining(Process launcher, Path out) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> err = drain(launcher.getErrorStream());
        CompletableFuture<Void> training = CompletableFuture.runAsync(() -> {
            try {
                String l;
                while ((l = lines.readLine()) != null) {
                    if (l.startsWith("iteration")) {
                        return;
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new IllegalStateException("output ended before training started: " + err.join());
        });
        training.get(STARTUP_SECONDS, TimeUnit.SECONDS);
        List<ProcessHandle> workers = launcher.toHandle().descendants().toList();
        assertEquals(1, workers.size(), "the launcher started one worker JVM");
        // keep reading the rest, so that the worker never blocks on a full pipe
        CompletableFuture.runAsync(() -> {
            try {
                while (lines.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // closed
            }
        });
        assertFalse(Files.exists(out), "nothing saved before training ends");
        return workers.get(0);
    }

    static String[] longTraining(Path out) {
        return new String[] {"train", "--input", data.toString(), "--factors", "32", "--iterations", "10000", "--threads", "1",
                "--out", out.toString()};
    }

    static void assertStopsWithoutSaving(ProcessHandle worker, Path out) throws Exception {
        try {
            worker.onExit().get(EXIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fail("the worker still runs " + EXIT_SECONDS + " s after its launcher is gone");
        } finally {
            worker.destroyForcibly();
        }
        assertFalse(Files.exists(out), "a run stopped mid-training saves nothing");
    }

    @Test
    void killingTheLauncherStopsTheWorkerBeforeItSaves() throws Exception {
        Path out = dir.resolve("killed.tsm");
        Process launcher = launch(longTraining(out));
        try {
            ProcessHandle worker = startTraining(launcher, out);
            launcher.destroyForcibly();   // kill -9: the launcher runs no shutdown hook
            launcher.waitFor();
            assertStopsWithoutSaving(worker, out);
        } finally {
            launcher.destroyForcibly();
        }
    }

    @Test
    void sigtermToTheLauncherStopsTheWorkerToo() throws Exception {
        Path out = dir.resolve("terminated.tsm");
        Process launcher = launch(longTraining(out));
        try {
            ProcessHandle worker = startTraining(launcher, out);
            launcher.destroy();   // SIGTERM
            assertTrue(launcher.waitFor(EXIT_SECONDS, TimeUnit.SECONDS), "the launcher exits on SIGTERM");
            assertEquals(143, launcher.exitValue(), "128 + SIGTERM, as a shell reports it");
            assertStopsWithoutSaving(worker, out);
        } finally {
            launcher.destroyForcibly();
        }
    }

    @Test
    void stderrCarriesNoIncubatorWarning() throws Exception {
        // train prints the kernels it uses: "vector" only in a JVM with the module, so the worker did run
        Process ok = launch("train", "--input", data.toString(), "--factors", "4", "--iterations", "1", "--out",
                dir.resolve("tiny.tsm").toString());
        CompletableFuture<String> out = drain(ok.getInputStream());
        CompletableFuture<String> err = drain(ok.getErrorStream());
        assertTrue(ok.waitFor(STARTUP_SECONDS, TimeUnit.SECONDS));
        assertEquals(0, ok.exitValue(), err.get());
        assertTrue(out.get().contains("vector ("), "the relaunched worker trained with the vector kernels:\n" + out.get());
        assertEquals("", err.get(), "nothing on stderr when nothing went wrong");

        // an error still gets through, alone and whole
        Process bad = launch("recommend", "--model", dir.resolve("missing.tsm").toString(), "--user", "x");
        CompletableFuture<String> badErr = drain(bad.getErrorStream());
        drain(bad.getInputStream());
        assertTrue(bad.waitFor(STARTUP_SECONDS, TimeUnit.SECONDS));
        assertEquals(1, bad.exitValue());
        assertEquals("tastemap: " + dir.resolve("missing.tsm") + ": no such file" + System.lineSeparator(), badErr.get());
    }
}
