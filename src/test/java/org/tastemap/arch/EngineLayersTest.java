package org.tastemap.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages point one way: {@code data <- linalg <- model <- map <- eval <- als <- tune}
 * (docs/architecture.md), with {@code org.tastemap.core} itself (shared types such as
 * {@code Cancellation}) below them all. A class may use its own layer and those to its left, never
 * one to its right, so the packages cannot form a cycle. A plain scan of the sources for references
 * to {@code org.tastemap.core.*} (imports, static imports and fully qualified names); a class of the
 * same package needs no import, so every cross-package use shows up.
 */
class EngineLayersTest {
    /** Bottom first. */
    static final List<String> LAYERS = List.of("", "data", "linalg", "model", "map", "eval", "als", "tune");
    private static final Path CORE = Path.of("src/main/java/org/tastemap/core");
    private static final Pattern REF = Pattern.compile("\\borg\\.tastemap\\.core\\.([a-z]+)\\.[A-Za-z*]");

    @Test
    void everyEnginePackageHasALayer() throws IOException {
        for (String pkg : packages().keySet()) {
            assertTrue(LAYERS.contains(pkg), "core." + pkg + " has no place in EngineLayersTest.LAYERS (and docs/architecture.md)");
        }
    }

    @Test
    void nothingInTheEngineUsesAPackageAboveIt() throws IOException {
        List<String> upward = new ArrayList<>();
        for (Map.Entry<String, List<Path>> e : packages().entrySet()) {
            int layer = LAYERS.indexOf(e.getKey());
            for (Path f : e.getValue()) {
                for (String used : references(f)) {
                    int l = LAYERS.indexOf(used);
                    if (l > layer) {
                        upward.add(f + " uses core." + used);
                    }
                }
            }
        }
        assertTrue(upward.isEmpty(), "the engine's layers point one way (" + String.join(" <- ", LAYERS.subList(1, LAYERS.size()))
                + "): " + upward);
    }

    @Test
    void theEnginePackagesFormNoCycle() throws IOException {
        // independent of LAYERS: a depth-first search for a cycle in the package graph
        Map<String, TreeSet<String>> graph = new TreeMap<>();
        for (Map.Entry<String, List<Path>> e : packages().entrySet()) {
            TreeSet<String> out = graph.computeIfAbsent(e.getKey(), p -> new TreeSet<>());
            for (Path f : e.getValue()) {
                out.addAll(references(f));
            }
            out.remove(e.getKey());
        }
        List<String> cycle = new ArrayList<>();
        Map<String, Integer> state = new TreeMap<>();
        for (String p : graph.keySet()) {
            if (cycle.isEmpty()) {
                findCycle(p, graph, state, new ArrayList<>(), cycle);
            }
        }
        assertEquals(List.of(), cycle, "a cycle between engine packages");
    }

    private static boolean findCycle(String p, Map<String, TreeSet<String>> graph, Map<String, Integer> state, List<String> path,
                                     List<String> cycle) {
        Integer s = state.get(p);
        if (s != null && s == 2) {
            return false;
        }
        if (s != null && s == 1) {
            cycle.addAll(path.subList(path.indexOf(p), path.size()));
            cycle.add(p);
            return true;
        }
        state.put(p, 1);
        path.add(p);
        for (String q : graph.getOrDefault(p, new TreeSet<>())) {
            if (findCycle(q, graph, state, path, cycle)) {
                return true;
            }
        }
        path.remove(path.size() - 1);
        state.put(p, 2);
        return false;
    }

    /** Engine package ("" for core itself) to its source files. */
    private static Map<String, List<Path>> packages() throws IOException {
        Map<String, List<Path>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(CORE)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = CORE.relativize(f.getParent());
                String pkg = rel.toString().replace('/', '.');
                out.computeIfAbsent(pkg, k -> new ArrayList<>()).add(f);
            }
        }
        return out;
    }

    /** The engine packages (below org.tastemap.core) that {@code f} names; "" is not listed (core's own types use nothing). */
    private static TreeSet<String> references(Path f) throws IOException {
        TreeSet<String> out = new TreeSet<>();
        Matcher m = REF.matcher(Files.readString(f));
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
