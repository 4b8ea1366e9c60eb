package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.io.RecommendationCsv.ScoredArtist;

class RecommendationCsvTest {
    @TempDir
    Path dir;

    private static Map<String, List<ScoredArtist>> sample() {
        Map<String, List<ScoredArtist>> m = new LinkedHashMap<>();
        m.put("00a1", List.of(new ScoredArtist("Crosby, Stills \"&\" Nash", 0.75f),
                new ScoredArtist("Sigur Rós", 0.5)));
        m.put("u2", List.of(new ScoredArtist("Plain", 0.1f)));
        m.put("u3", List.of());
        return m;
    }

    @Test
    void writesRfc4180WithQuotedCommaAndDoubledQuote() throws IOException {
        Path file = dir.resolve("recs.csv");
        RecommendationCsv.write(file, sample());
        // by hand from RFC 4180: a field with a comma or quote is quoted, its quotes doubled, CRLF ends
        // records; 0.1f prints as 0.1 (Float.toString), not 0.10000000149011612 (its double value)
        String expected = "user,rank,artist,score\r\n"
                + "00a1,1,\"Crosby, Stills \"\"&\"\" Nash\",0.75\r\n"
                + "00a1,2,Sigur Rós,0.5\r\n"
                + "u2,1,Plain,0.1\r\n";
        assertEquals(expected, Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void parsesBackToTheSameValues() throws IOException {
        StringBuilder out = new StringBuilder();
        RecommendationCsv.write(out, sample());
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString()))) {
            List<CSVRecord> rows = p.getRecords();
            assertEquals(3, rows.size());
            assertEquals("Crosby, Stills \"&\" Nash", rows.get(0).get("artist"));
            assertEquals("2", rows.get(1).get("rank"));
            assertEquals(0.1f, Float.parseFloat(rows.get(2).get("score")));
        }
    }

    @Test
    void scoresUseTheShortestExactForm() {
        assertEquals("0.1", RecommendationCsv.formatScore(0.1f));
        assertEquals("0.1", RecommendationCsv.formatScore(0.1));
        // 1/3 as a double is not a float: written in full so it reads back exactly
        assertEquals("0.3333333333333333", RecommendationCsv.formatScore(1.0 / 3));
        assertEquals("NaN", RecommendationCsv.formatScore(Double.NaN));
    }
}
