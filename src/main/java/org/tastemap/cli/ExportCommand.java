package org.tastemap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tastemap.io.FactorExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", description = "Write the factors as TSV and .npy (DIR/user_factors.tsv, DIR/item_factors.tsv, DIR/*.npy), all or nothing: DIR/manifest.json, written last, lists each file's size and SHA-256.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    ModelArgs modelArgs = new ModelArgs();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        OutputPaths.checkFolder("--out", out);
        FactorExport.exportAll(modelArgs.load(), out);
        spec.commandLine().getOut().println("wrote factors to " + out);
        return 0;
    }
}
