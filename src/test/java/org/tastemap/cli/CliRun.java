package org.tastemap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command line as a script calls it, and the small generated file and model that the CLI tests start from. */
final class CliRun {
    private CliRun() {
    }

    /** What one run printed and returned. */
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code generate} of a Last.fm-layout file with this many users and artists; fails the test unless it succeeds. */
    static void generate(Path out, int users, int artists, int seed) {
        Run g = run("generate", "--out", out.toString(), "--users", Integer.toString(users), "--artists", Integer.toString(artists),
                "--seed", Integer.toString(seed));
        assertEquals(0, g.code(), g.err());
    }

    /** {@code train --input input [options] --out model}; fails the test unless it succeeds. */
    static Run train(Path input, Path model, String... options) {
        List<String> args = new ArrayList<>(List.of("train", "--input", input.toString()));
        args.addAll(Arrays.asList(options));
        args.addAll(List.of("--out", model.toString()));
        Run t = run(args.toArray(String[]::new));
        assertEquals(0, t.code(), t.err());
        return t;
    }
}
