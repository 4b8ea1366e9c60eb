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

    /**
     * What the sample is, as the app says it when it opens the sample: its taste comes from few planted
     * genres, so the factor count changes little on it (sample-data/README.md says the same).
     */
    public static final String DESCRIPTION = "The bundled sample: 3,000 synthetic listeners whose tastes come from "
            + "16 planted genres, so about 16 factors already capture them and more factors change little here "
            + "(on real data they matter).";

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
