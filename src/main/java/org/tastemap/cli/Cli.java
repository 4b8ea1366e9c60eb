package org.tastemap.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tastemap.core.data.Closest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The command line: {@code tastemap COMMAND [options]}. The commands and their options are a
 * contract that scripts rely on; see the README. Errors go to stderr as one sentence with a
 * non-zero exit code; {@code --debug} adds the stack trace.
 */
@Command(name = "tastemap", mixinStandardHelpOptions = true, versionProvider = Cli.Version.class,
        description = "Implicit-feedback ALS on listening data (Hu, Koren & Volinsky 2008).",
        subcommands = {ImportCommand.class, TrainCommand.class, EvaluateCommand.class, RecommendCommand.class,
                SimilarCommand.class, ExplainCommand.class, ExportCommand.class, GenerateCommand.class, BenchCommand.class, SweepCommand.class,
                TuneCommand.class, MapCommand.class})
public final class Cli implements Runnable {
    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "Missing command");
    }

    /** The version from the jar manifest, or "dev" when run from classes. */
    public static String version() {
        String v = Cli.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Tastemap " + version()};
        }
    }

    /** Runs one command and returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean debug = Arrays.asList(args).contains("--debug");
        CommandLine cl = new CommandLine(new Cli());
        // Every command answers --help and --version, as the error hint "Try 'tastemap X --help'" promises.
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().mixinStandardHelpOptions(true));
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            line.getErr().println("tastemap: " + Printable.text(message(ex)));
            if (debug) {
                ex.printStackTrace(line.getErr());
            }
            line.getErr().flush();
            return 1;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println("tastemap: " + Printable.text(usageError(ex)));
            c.getErr().println("Try 'tastemap " + (c.getCommandName().equals("tastemap") ? "" : c.getCommandName() + " ") + "--help'.");
            c.getErr().flush();
            return 2;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands errors (unlike exceptions) straight back: still one sentence, trace only with --debug
            cl.getErr().println("tastemap: " + Printable.text(message(e)));
            if (debug) {
                e.printStackTrace(cl.getErr());
            }
            cl.getErr().flush();
            return 1;
        }
    }

    /**
     * What went wrong with the arguments. An argument that is neither an option nor a command is
     * reported as unknown, with the closest option or command, even when picocli found a required
     * option missing first (it is missing because it was mistyped): "Unknown option '--artst'; did
     * you mean '--artist'?" rather than "Missing required option '--artist'".
     */
    static String usageError(CommandLine.ParameterException ex) {
        CommandLine c = ex.getCommandLine();
        List<String> unmatched = ex instanceof CommandLine.UnmatchedArgumentException u ? u.getUnmatched()
                : c.getParseResult() == null ? List.of() : c.getParseResult().unmatched();
        if (unmatched.isEmpty()) {
            return ex.getMessage();
        }
        String first = unmatched.get(0);
        CommandLine.UnmatchedArgumentException unknown = new CommandLine.UnmatchedArgumentException(c, unmatched);
        CommandSpec spec = c.getCommandSpec();
        if (unknown.isUnknownOption()) {
            String typed = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
            List<String> names = spec.options().stream().filter(o -> !o.hidden()).flatMap(o -> Arrays.stream(o.names())).toList();
            List<String> close = Closest.among(typed, names, 1);
            // picocli's own suggestion (options that start alike) when none is a few edits away
            List<String> near = close.isEmpty() ? unknown.getSuggestions() : close;
            return "Unknown option '" + typed + "'" + didYouMean(near);
        }
        if (!spec.subcommands().isEmpty() && c.getParseResult() != null && c.getParseResult().subcommand() == null) {
            return "Unknown command '" + first + "'" + didYouMean(Closest.among(first, new ArrayList<>(spec.subcommands().keySet()), 1));
        }
        if (spec.positionalParameters().isEmpty()) {
            // most often the rest of an unquoted name: --artist Northern Meadows
            return "Unexpected argument '" + first + "' (put a value with spaces in quotes)";
        }
        return ex.getMessage();
    }

    private static String didYouMean(List<String> names) {
        return names.isEmpty() ? "" : "; did you mean '" + names.get(0) + "'?";
    }

    /** A one-line message for a person: the exception's own message, or its kind when it has none. */
    static String message(Throwable ex) {
        Throwable t = ex;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof OutOfMemoryError) {
            return "out of memory: start Java with a larger -Xmx, or import with --min-user-artists/--min-artist-users";
        }
        if (t instanceof java.nio.file.NoSuchFileException) {
            return t.getMessage() + ": no such file";
        }
        if (t instanceof java.nio.file.AccessDeniedException) {
            return t.getMessage() + ": permission denied";
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
