package org.tastemap.arch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine, the file formats and the command line never import JavaFX: they are clients of one
 * engine that must run headless. A plain scan of the sources (run from the project root, as
 * Surefire does).
 */
class EngineIndependenceTest {

    @Test
    void coreIoAndCliDoNotImportJavafx() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String pkg : List.of("core", "io", "cli")) {
            Path dir = Path.of("src/main/java/org/tastemap", pkg);
            assertTrue(Files.isDirectory(dir), "missing " + dir);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    for (String line : Files.readAllLines(f)) {
                        String t = line.trim();
                        if (t.startsWith("import javafx.") || t.startsWith("import static javafx.")
                                || t.startsWith("import org.controlsfx.") || t.startsWith("import org.tastemap.app.")
                                || t.contains("javafx.application")) {
                            offenders.add(f + ": " + t);
                        }
                    }
                }
            }
        }
        assertTrue(offenders.isEmpty(), "engine code imports the GUI: " + offenders);
    }

    @Test
    void coreDoesNotDependOnIoOrCli() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/tastemap/core"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    String t = line.trim();
                    if (t.startsWith("import org.tastemap.io.") || t.startsWith("import org.tastemap.cli.")) {
                        offenders.add(f + ": " + t);
                    }
                }
            }
        }
        assertTrue(offenders.isEmpty(), "the engine depends on its clients: " + offenders);
    }
}
