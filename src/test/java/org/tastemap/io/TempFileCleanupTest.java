package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary files (issue 16, item 5): removed on SIGTERM and SIGINT by the shutdown hook, and those
 * of dead processes removed by the next save to the same place.
 */
class TempFileCleanupTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The pid of a process that has exited. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        long pid = p.pid();
        assertTrue(ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true), "pid " + pid + " was reused at once");
        return pid;
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aSaveRemovesTheStaleTempFilesOfDeadProcessesOnly() throws Exception {
        long dead = deadPid();
        Process sleeper = new ProcessBuilder("sleep", "600").start();
        try {
            long self = ProcessHandle.current().pid();
            List<String> stale = List.of(".model.tsm." + dead + "-1.tmp", ".model.tsm." + dead + "-27.tmp",
                    // this process's own pid, not in use by any save: left by an earlier process with the same pid
                    ".model.tsm." + self + "-999999.tmp");
            List<String> kept = List.of(".model.tsm." + sleeper.pid() + "-3.tmp", // a live process, maybe saving now
                    ".other.tsm." + dead + "-1.tmp", // another target
                    ".model.tsm.notes.tmp", "model.tsm.bak");
            for (String n : stale) {
                Files.writeString(dir.resolve(n), "x".repeat(1000));
            }
            for (String n : kept) {
                Files.writeString(dir.resolve(n), "keep");
            }
            AtomicFileWrite.writeStream(dir.resolve("model.tsm"), out -> out.write(1));
            List<String> expected = new ArrayList<>(kept);
            expected.add("model.tsm");
            assertEquals(expected.stream().sorted().toList(), names());
        } finally {
            sleeper.destroy();
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void anExportRemovesTheStagingFolderOfADeadExport() throws Exception {
        Path export = dir.resolve("export");
        Path stale = export.resolve(".tastemap-export." + deadPid() + "-4.tmp");
        Files.createDirectories(stale);
        Files.writeString(stale.resolve("user_factors.tsv"), "half of an export killed with -9");
        FactorExport.exportAll(ExportTestModels.small(), export);
        try (Stream<Path> s = Files.list(export)) {
            assertEquals(7, s.filter(f -> !f.getFileName().toString().endsWith(".tmp")).count(), "six files and the manifest");
        }
        assertTrue(Files.notExists(stale));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void sigtermRemovesTheTempFileOfASaveInProgress() throws Exception {
        assertSignalCleansUp("save", "TERM", dir.resolve("model.tsm"));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void sigintRemovesTheTempFileOfASaveInProgress() throws Exception {
        assertSignalCleansUp("save", "INT", dir.resolve("model.tsm"));
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void sigtermRemovesTheStagingFolderOfAnExportInProgress() throws Exception {
        assertSignalCleansUp("export", "TERM", dir.resolve("export"));
    }

    private void assertSignalCleansUp(String mode, String signal, Path target) throws Exception {
        List<String> cmd = new ArrayList<>();
        if (signal.equals("INT")) {
            // a process started in the background inherits SIGINT ignored, and the JVM then leaves it
            // ignored; a terminal's Ctrl-C reaches a process whose SIGINT is at its default
            cmd.addAll(List.of("env", "--default-signal=INT"));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), TempFileHolder.class.getName(), mode, target.toString()));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("writing", out.readLine());
            Path where = mode.equals("save") ? dir : target;
            try (Stream<Path> s = Files.list(where)) {
                assertTrue(s.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "a temporary file or folder exists");
            }
            assertEquals(0, new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process ends on SIG" + signal);
            assertEquals(128 + (signal.equals("TERM") ? 15 : 2), p.exitValue(), "killed by the signal");
            if (mode.equals("save")) {
                assertEquals(List.of(), names(), "no temporary file, and no target");
            } else {
                try (Stream<Path> s = Files.list(target)) {
                    assertEquals(List.of(), s.map(f -> f.getFileName().toString()).toList(), "no staging folder");
                }
            }
        } finally {
            p.destroyForcibly();
        }
    }

}
