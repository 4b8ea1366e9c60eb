package org.tastemap.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtistSelectionCsvTest {
    @Test
    void cellsASpreadsheetWouldRunAreProtectedAndNumbersStayNumbers(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("sel.csv");
        Files.writeString(f, "old");
        ArtistSelectionCsv.write(f, List.of(new ArtistSelectionCsv.Row("=HYPERLINK(\"x\")", 12, -1.5f, 2f, "Cluster 3"),
                new ArtistSelectionCsv.Row("Crosby, Stills & Nash", 3, 0.25f, -7f, "@rock")));
        // RFC 4180 by hand: CRLF line ends, quotes doubled, a comma quoted; the formula and @ get an apostrophe
        assertEquals("artist,listeners,x,y,group\r\n\"'=HYPERLINK(\"\"x\"\")\",12,-1.5,2.0,Cluster 3\r\n"
                + "\"Crosby, Stills & Nash\",3,0.25,-7.0,'@rock\r\n", Files.readString(f, StandardCharsets.UTF_8));
    }
}
