package org.tastemap;

import java.lang.module.ModuleFinder;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of the runnable jar. It does not extend {@code javafx.application.Application},
 * so the jar starts with JavaFX on the class path. With arguments it runs the command line;
 * without, it opens the desktop app.
 *
 * <p>A jar manifest cannot add the incubating {@code jdk.incubator.vector} module, and without it
 * the ALS kernels run about 10x slower. So when the module is missing from the boot layer but the
 * runtime has it, the launcher starts the same Java again with {@code --add-modules
 * jdk.incubator.vector}, the same JVM options, class path and arguments, and passes its standard
 * streams and exit code through. {@code -Dtastemap.scalar=true} (or the environment variable
 * {@code TASTEMAP_NO_RELAUNCH}) keeps the scalar path in the first JVM.
 */
public final class Launcher {
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String RELAUNCHED = "tastemap.relaunched";

    private Launcher() {
    }

    public static void main(String[] args) {
        if (shouldRelaunch()) {
            int code = relaunch(args);
            if (code >= 0) {
                System.exit(code);
            }
        }
        if (args.length == 0) {
            javafx.application.Application.launch(org.tastemap.app.TastemapApp.class);
            return;
        }
        System.exit(org.tastemap.cli.Cli.run(args, System.out, System.err));
    }

    static boolean shouldRelaunch() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()
                && ModuleFinder.ofSystem().find(VECTOR_MODULE).isPresent()
                && System.getProperty(RELAUNCHED) == null
                && !Boolean.getBoolean("tastemap.scalar")
                && System.getenv("TASTEMAP_NO_RELAUNCH") == null;
    }

    /** Runs this program again in a JVM with the vector module; its exit code, or -1 when it could not start. */
    static int relaunch(String[] args) {
        String java = ProcessHandle.current().info().command().orElse(null);
        if (java == null) {
            return -1;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        cmd.add("--add-modules");
        cmd.add(VECTOR_MODULE);
        cmd.add("-D" + RELAUNCHED + "=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Launcher.class.getName());
        cmd.addAll(List.of(args));
        try {
            Process child = new ProcessBuilder(cmd).inheritIO().start();
            Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
            return child.waitFor();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
