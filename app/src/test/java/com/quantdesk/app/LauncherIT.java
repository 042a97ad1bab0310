package com.quantdesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./quantdesk} launcher from the repository root, as a child process, on the jar that
 * {@code package} built just before this phase (so the launcher does not rebuild it).
 */
class LauncherIT {

    private static final long TIMEOUT_SECONDS = 60;

    @TempDir
    Path dir;

    private Path root;
    private Path javaHome;

    @BeforeEach
    void findLauncherAndJdk() {
        root = repositoryRoot();
        javaHome = Path.of(System.getProperty("java.home"));
        // The test JVM is the JDK the build runs on; without javac it is a JRE the launcher refuses.
        assumeTrue(Runtime.version().feature() >= 21 && Files.isExecutable(javaHome.resolve("bin/javac")),
                "the launcher test needs the build to run on a JDK 21 or newer, not " + javaHome);
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "the launcher is a bash script and there is no bash");
        assertThat(root.resolve("app/target/quantdesk.jar"))
                .as("the jar 'package' builds before integration tests").isRegularFile();
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() throws Exception {
        Result result = launch("--help");

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        assertThat(result.out()).startsWith("Usage: quantdesk [-hV] [COMMAND]").contains("backtest", "strategies");
        assertThat(result.err()).doesNotContain("Building Quantdesk");
    }

    @Test
    void badArgumentsExitTheProcessWithCode2() throws Exception {
        Result result = launch("backtest", "--strategy", "moon-shot");

        assertThat(result.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(result.err()).contains("quantdesk: --strategy: unknown strategy 'moon-shot'");
    }

    @Test
    void commandsThatRunToAnEndGetTheParallelCollector() throws Exception {
        Result result = launchWithJavaOpts("-Xlog:gc=info:stderr", "backtest", "--help");

        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        assertThat(result.err()).contains("Using Parallel").doesNotContain("Using G1");
    }

    @Test
    void theServersGetG1() throws Exception {
        for (String server : List.of("paper", "live", "kite-sandbox")) {
            Result result = launchWithJavaOpts("-Xlog:gc=info:stderr", server, "--help");

            assertThat(result.exitCode()).as("%s: %s", server, result.err()).isZero();
            assertThat(result.err()).as(server).contains("Using G1").doesNotContain("Using Parallel");
        }
    }

    @Test
    void aCollectorInQuantdeskJavaOptsReplacesTheLaunchersChoice() throws Exception {
        Result result = launchWithJavaOpts("-XX:+UseSerialGC -Xlog:gc=info:stderr", "backtest", "--help");

        // Two collectors would stop the JVM ("Conflicting collector combinations").
        assertThat(result.exitCode()).as("stderr: %s", result.err()).isZero();
        assertThat(result.err()).contains("Using Serial").doesNotContain("Conflicting");
    }

    private Result launch(String... args) throws IOException, InterruptedException {
        return launchWithJavaOpts(null, args);
    }

    private Result launchWithJavaOpts(String javaOpts, String... args) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        List<String> command = new ArrayList<>(List.of(root.resolve("quantdesk").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        if (javaOpts == null) {
            builder.environment().remove("QUANTDESK_JAVA_OPTS");
        } else {
            builder.environment().put("QUANTDESK_JAVA_OPTS", javaOpts);
        }
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./quantdesk " + String.join(" ", args) + " took over " + TIMEOUT_SECONDS + " s");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("quantdesk")) && Files.isRegularFile(p.resolve(".ci/find-jdk.sh"))) {
                return p;
            }
        }
        throw new AssertionError("no ./quantdesk launcher above " + Path.of("").toAbsolutePath());
    }

    private record Result(int exitCode, String out, String err) {
    }
}
