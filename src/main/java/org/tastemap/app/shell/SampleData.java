package org.tastemap.app.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the bundled sample file, relative to the working directory or next to the jar, and the small
 * model trained on it ({@value #MODEL}, made by the command in sample-data/README.md), which a first
 * launch opens so that the window has data and a model within about two seconds.
 */
public final class SampleData {
    public static final String RELATIVE = "sample-data/lastfm-sample.tsv.gz";
    public static final String MODEL = "sample-data/lastfm-sample.tsm";

    private SampleData() {
    }

    /** The sample's pre-trained model, when it is there beside the sample data. */
    public static Optional<Path> findModel() {
        return find().map(data -> data.resolveSibling(Path.of(MODEL).getFileName())).filter(Files::isRegularFile);
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
