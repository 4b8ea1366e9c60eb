package org.tastemap.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tastemap.io.ColumnMapping;
import org.tastemap.io.ImportNote;
import org.tastemap.io.ImportResult;
import picocli.CommandLine;

/** {@code --mbid-col}: a delimited file's MBID column (issue 15: "there is no MBID role"). */
class MbidColumnCliTest {
    @TempDir
    Path dir;

    private static final String M1 = "b10bbbfc-cf9e-42e0-be17-e2c3e1d2600d";
    private static final String M2 = "a74b1b7f-71a5-4011-9441-d0b5e4122711";

    private Path file() throws IOException {
        Path f = dir.resolve("mbids.csv");
        // by hand: Beatles' MBID is M1 (line 3, line 2 has none); Coldplay gets M2 on line 4, then M1 on line 5
        Files.writeString(f, "user,artist,mbid,plays\nu1,Beatles,,3\nu2,Beatles," + M1 + ",1\nu2,Coldplay," + M2
                + ",2\nu1,Coldplay," + M1 + ",5\n", StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void theOptionMapsTheMbidColumnAndEachArtistKeepsItsFirstMbid() throws IOException {
        ImportArgs args = CommandLine.populateCommand(new ImportArgs(), "--input", file().toString(), "--header",
                "--user-col", "0", "--item-col", "1", "--count-col", "3", "--mbid-col", "2");
        assertEquals(new ColumnMapping(0, 1, ColumnMapping.NONE, 3, 2), args.options().mapping());
        ImportResult r = args.importFile();
        String[] mbids = new String[2];
        for (int a = 0; a < 2; a++) {
            mbids[a] = r.dataset().artistMbids()[r.dataset().artists().indexOf(a == 0 ? "Beatles" : "Coldplay")];
        }
        assertArrayEquals(new String[] {M1, M2}, mbids);
        assertEquals(1, r.report().noteCount(ImportNote.MBID_CONFLICT));
    }

    @Test
    void theImportReportCountsArtistsWithConflictingMbids() throws IOException {
        CliRun.Run run = CliRun.run("import", "--input", file().toString(), "--header", "--user-col", "0",
                "--item-col", "1", "--count-col", "3", "--mbid-col", "2");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("1: " + ImportNote.MBID_CONFLICT.description() + " (line 5)"), run.out());

        CliRun.Run clash = CliRun.run("import", "--input", file().toString(), "--header", "--user-col", "0",
                "--item-col", "1", "--mbid-col", "0");
        assertEquals(1, clash.code());
        assertTrue(clash.err().contains("MBID column 1 is also the user column"), clash.err());
    }
}
