package org.tastemap.cli;

import java.util.concurrent.Callable;
import org.tastemap.core.data.Dataset;
import org.tastemap.io.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "import", description = "Read an interactions file and report what it holds and what was skipped.")
final class ImportCommand implements Callable<Integer> {
    @Mixin
    ImportArgs importArgs = new ImportArgs();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ImportResult r = importArgs.importFile();
        var out = spec.commandLine().getOut();
        out.println(Printable.text(r.report().summary()));   // the report may quote names from the file
        Dataset d = r.dataset();
        out.printf("dataset: %,d users, %,d artists, %,d rows%n", d.users().size(), d.artists().size(), d.matrix().nnz());
        return 0;
    }
}
