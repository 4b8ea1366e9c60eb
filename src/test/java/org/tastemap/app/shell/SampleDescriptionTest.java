package org.tastemap.app.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The sample's description in the app (and its README) says why the factor count matters little on it. */
class SampleDescriptionTest {
    @Test
    void theDescriptionNamesThePlantedGenresAndWhatThatMeansForFactors() throws Exception {
        // the genre count comes from the sample's ground-truth sidecar: one "name<TAB>genre" line per artist
        Path sidecar = Path.of(SampleData.RELATIVE + ".genres.tsv");
        Set<String> genres;
        try (var lines = Files.lines(sidecar)) {
            genres = lines.filter(l -> l.contains("\t")).map(l -> l.substring(l.lastIndexOf('\t') + 1)).collect(Collectors.toSet());
        }
        String d = SampleData.DESCRIPTION;
        assertTrue(d.contains(genres.size() + " planted genres"), d + " vs " + genres.size());
        assertTrue(d.contains("factors") && d.contains("change little"), d);
        String readme = Files.readString(Path.of("sample-data/README.md"));
        assertTrue(readme.contains("factor count seems to do nothing"), "sample-data/README.md explains it");
    }
}
