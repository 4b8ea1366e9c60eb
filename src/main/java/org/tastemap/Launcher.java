package org.tastemap;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleFinder;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

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
 *
 * <p>The two JVMs live and die together. SIGTERM or Ctrl-C to the launcher stops the worker (a
 * shutdown hook passes SIGTERM on and waits for it). {@code kill -9} of the launcher cannot run
 * any hook, so the worker watches the launcher's process and exits, without saving, as soon as it
 * is gone. The worker's stderr passes through the launcher, which drops the line the JVM prints
 * for the incubating module and its warning about the priority policy, so that stderr carries
 * errors only.
 */
public final class Launcher {
    static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String RELAUNCHED = "tastemap.relaunched";
    /** The launcher's process id, passed to the worker, which exits when that process is gone. */
    static final String LAUNCHER_PID = "tastemap.launcherPid";
    /** What the JVM prints on stderr when it resolves the incubating vector module. */
    static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: " + VECTOR_MODULE;
    /**
     * What the JVM prints on stderr for {@code -XX:ThreadPriorityPolicy=1} given on the command line to a
     * user who is not root; lowering its own threads' priority works all the same (docs/performance.md).
     */
    static final String PRIORITY_WARNING = System.getProperty("java.vm.name") + " warning: -XX:ThreadPriorityPolicy=1 may require system level"
            + " permission, e.g., being the root user. If the necessary permission is not possessed, changes to priority will be"
            + " silently ignored.";
    /** The worker's exit code when it stops because its launcher is gone (nobody reads it). */
    static final int ORPHANED = 3;
    /** The one desktop option for Linux only (see {@link #DESKTOP_OPTIONS}). */
    private static final String PRIORITY_POLICY = "-XX:ThreadPriorityPolicy=1";
    /**
     * JVM options of the desktop app (started without arguments) on Linux, added by the relaunch and set
     * in the Linux package (pom.xml); measured in docs/performance.md, "Fourth pass". Background work
     * runs at Java priority 1 ({@code FxBackgroundExecutor}), which HotSpot on Linux applies only under
     * {@code ThreadPriorityPolicy=1} (nice 4; lowering one's own threads needs no privilege), so the UI
     * thread gets a core when it needs one. Elsewhere the policy is left alone: on Windows it would move
     * the JVM's priority-10 threads to time-critical. Objects that survive one young collection are
     * promoted at once: the import's surviving objects were copied from survivor space to survivor space
     * in young pauses of 100-227 ms.
     */
    static final List<String> DESKTOP_OPTIONS = List.of(PRIORITY_POLICY, "-XX:MaxTenuringThreshold=1");
    /** How often the worker checks that its launcher is alive. */
    private static final long WATCH_MILLIS = 200;

    private Launcher() {
    }

    public static void main(String[] args) {
        watchLauncher();
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
        List<String> cmd = command(java, ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getProperty("java.class.path"),
                ProcessHandle.current().pid(), args);
        try {
            Process child = new ProcessBuilder(cmd).inheritIO().redirectError(ProcessBuilder.Redirect.PIPE).start();
            Thread errors = new Thread(() -> copyErrors(child.getErrorStream()), "tastemap-stderr");
            errors.start();
            // SIGTERM or Ctrl-C here: stop the worker too, and wait for it so that its last words get through
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                child.destroy();
                try {
                    child.waitFor(10, TimeUnit.SECONDS);
                    errors.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            int code = child.waitFor();
            errors.join();
            return code;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    /**
     * The worker's command line: the same Java, the launcher's JVM options, the vector module, then for
     * the desktop app (no arguments) each of the desktop options (on Linux {@link #DESKTOP_OPTIONS}) that the
     * options do not set already.
     */
    static List<String> command(String java, List<String> jvmOptions, String classPath, long launcherPid, String[] args) {
        return command(java, jvmOptions, classPath, launcherPid, args, System.getProperty("os.name", ""));
    }

    /** {@link #command} for the operating system {@code osName} (the {@code os.name} property). */
    static List<String> command(String java, List<String> jvmOptions, String classPath, long launcherPid, String[] args,
                                String osName) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(jvmOptions);
        cmd.add("--add-modules");
        cmd.add(VECTOR_MODULE);
        if (args.length == 0) {
            boolean linux = osName.startsWith("Linux");
            for (String o : DESKTOP_OPTIONS) {
                if ((linux || !o.equals(PRIORITY_POLICY)) && jvmOptions.stream().noneMatch(given -> sameOption(given, o))) {
                    cmd.add(o);
                }
            }
        }
        cmd.add("-D" + RELAUNCHED + "=true");
        cmd.add("-D" + LAUNCHER_PID + "=" + launcherPid);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(Launcher.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** True when two -XX options set the same flag ({@code -XX:Name=value}, {@code -XX:+Name}, {@code -XX:-Name}). */
    private static boolean sameOption(String a, String b) {
        return a.startsWith("-XX:") && b.startsWith("-XX:") && flag(a).equals(flag(b));
    }

    private static String flag(String option) {
        String f = option.substring(4);
        if (f.startsWith("+") || f.startsWith("-")) {
            f = f.substring(1);
        }
        int eq = f.indexOf('=');
        return eq < 0 ? f : f.substring(0, eq);
    }

    /** Copies the worker's stderr to ours unbuffered, without the JVM's incubator and priority-policy warnings. */
    private static void copyErrors(InputStream in) {
        FileOutputStream err = new FileOutputStream(FileDescriptor.err);
        try {
            String nl = System.lineSeparator();
            DropLineStream.copy(in, new DropLineStream(new DropLineStream(err, PRIORITY_WARNING, nl), INCUBATOR_WARNING, nl));
        } catch (IOException e) {
            // the worker is gone or our stderr is closed: nothing left to pass on
        }
    }

    /**
     * In a worker started by {@link #relaunch}: a daemon thread that exits this JVM as soon as the
     * launcher is gone ({@code kill -9} leaves no chance to tell the worker), so that a run nobody
     * waits for does not go on to overwrite its output. It polls: {@link ProcessHandle#onExit()} of
     * a process that is not our child also polls, at intervals growing to 5 s.
     */
    static void watchLauncher() {
        String pid = System.getProperty(LAUNCHER_PID);
        if (pid == null) {
            return;
        }
        // the launcher is our parent; if the parent is already someone else, the launcher died before we started
        ProcessHandle launcher = ProcessHandle.current().parent().filter(p -> String.valueOf(p.pid()).equals(pid)).orElse(null);
        Thread watch = new Thread(() -> {
            try {
                // isAlive also compares the start time, so a reused pid does not count as the launcher
                while (launcher != null && launcher.isAlive()) {
                    Thread.sleep(WATCH_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            }
            // exit rather than halt: shutdown hooks (temporary files) still run; training stops and saves nothing
            Runtime.getRuntime().exit(ORPHANED);
        }, "tastemap-launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }
}
