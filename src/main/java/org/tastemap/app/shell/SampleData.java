package org.tastemap.app.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the bundled sample file, relative to the working directory or next to the jar. */
public final class SampleData {
    public static final String RELATIVE = "sample-data/lastfm-sample.tsv.gz";

    private SampleData() {
    }

    public static Optional<Path> find() {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of(RELATIVE).toAbsolutePath());
        try {
            Path jar = Path.of(SampleData.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = Files.isDirectory(jar) ? jar : jar.getParent();
            if (dir != null) {
                candidates.add(dir.resolve(RELATIVE));
                if (dir.getParent() != null) {
                    candidates.add(dir.getParent().resolve(RELATIVE));
                }
            }
        } catch (Exception e) {
            // no code source: only the working directory is searched
        }
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }
}
