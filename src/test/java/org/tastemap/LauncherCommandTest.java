package org.tastemap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The worker JVM's command line: the desktop app (no arguments) gets the desktop options (a lower
 * priority for background work that Linux applies, the tenuring threshold), the command line does
 * not, and an option the user set on the launcher wins.
 */
class LauncherCommandTest {
    private static List<String> command(List<String> jvm, String... args) {
        return Launcher.command("/jdk/bin/java", jvm, "app.jar", 42, args, "Linux");
    }

    @Test
    void elsewhereThePriorityPolicyIsLeftAlone() {
        // on Windows the policy would move the JVM's own priority-10 threads to time-critical
        for (String os : List.of("Windows 11", "Mac OS X")) {
            List<String> cmd = Launcher.command("/jdk/bin/java", List.of(), "app.jar", 42, new String[0], os);
            assertFalse(cmd.contains("-XX:ThreadPriorityPolicy=1"), os + ": " + cmd);
            assertTrue(cmd.contains("-XX:MaxTenuringThreshold=1"), os + ": " + cmd);
        }
    }

    @Test
    void theDesktopAppGetsTheDesktopOptionsBeforeItsClass() {
        List<String> cmd = command(List.of("-Xmx4g"));
        assertEquals(List.of("/jdk/bin/java", "-Xmx4g", "--add-modules", "jdk.incubator.vector", "-XX:ThreadPriorityPolicy=1",
                "-XX:MaxTenuringThreshold=1", "-Dtastemap.relaunched=true", "-Dtastemap.launcherPid=42", "-cp", "app.jar",
                "org.tastemap.Launcher"), cmd);
    }

    @Test
    void theCommandLineKeepsTheJvmDefaults() {
        List<String> cmd = command(List.of(), "train", "--input", "x.tsv");
        assertFalse(cmd.contains("-XX:ThreadPriorityPolicy=1"), cmd.toString());
        assertFalse(cmd.contains("-XX:MaxTenuringThreshold=1"), cmd.toString());
        assertEquals(List.of("org.tastemap.Launcher", "train", "--input", "x.tsv"), cmd.subList(cmd.size() - 4, cmd.size()));
    }

    @Test
    void anOptionTheUserSetIsNotAddedAgain() {
        List<String> cmd = command(List.of("-XX:MaxTenuringThreshold=15", "-XX:ThreadPriorityPolicy=0"));
        assertEquals(1, cmd.stream().filter(o -> o.startsWith("-XX:MaxTenuringThreshold")).count());
        assertTrue(cmd.contains("-XX:MaxTenuringThreshold=15"));
        assertTrue(cmd.contains("-XX:ThreadPriorityPolicy=0"));
        assertFalse(cmd.contains("-XX:ThreadPriorityPolicy=1"));
    }

    /** The packaged app and the stall measurement start the desktop app with the same options as the relaunch. */
    @Test
    void thePackageAndTheStallScriptUseTheSameDesktopOptions() throws Exception {
        String pom = java.nio.file.Files.readString(java.nio.file.Path.of("pom.xml"));
        assertTrue(pom.contains("--add-options=-XX:ThreadPriorityPolicy=1"), "jlink's add-options in pom.xml");
        assertTrue(pom.contains("<argument>--java-options</argument><argument>-XX:MaxTenuringThreshold=1</argument>"), "pom.xml");
        String script = java.nio.file.Files.readString(java.nio.file.Path.of("scripts/measure-ui-stalls.sh"));
        assertTrue(script.contains("desktop_opts=\"" + String.join(" ", Launcher.DESKTOP_OPTIONS) + "\""), "scripts/measure-ui-stalls.sh");
    }
}
