package com.quantdesk.app;

import static com.quantdesk.app.CliRun.quantdesk;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command explains itself: {@code --help} anywhere prints its usage and exits 0. */
class HelpTest {

    /** Every command path in the tree, e.g. [], [backtest], [data, generate], found from the model itself. */
    static Stream<List<String>> commandPaths() {
        CommandLine root = QuantdeskCommand.commandLine(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        List<List<String>> paths = new ArrayList<>();
        collect(root, List.of(), paths);
        return paths.stream();
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
        paths.add(path);
        command.getSubcommands().forEach((name, sub) -> {
            // picocli registers aliases under the same CommandLine; the primary name is enough.
            if (name.equals(sub.getCommandName())) {
                List<String> subPath = new ArrayList<>(path);
                subPath.add(name);
                collect(sub, subPath, paths);
            }
        });
    }

    @Test
    void theCommandTreeHasEverySubcommand() {
        assertThat(commandPaths()).containsExactlyInAnyOrder(List.of(), List.of("backtest"), List.of("paper"), List.of("live"),
                List.of("kite-sandbox"), List.of("kite"), List.of("kite", "decode"), List.of("kite", "check"),
                List.of("kite", "login"), List.of("backup"), List.of("backup", "verify"), List.of("backup", "key"),
                List.of("restore"), List.of("preflight"), List.of("preflight", "live"), List.of("config"),
                List.of("config", "check"), List.of("strategies"), List.of("strategy"), List.of("strategy", "new"),
                List.of("sweep"), List.of("walkforward"),
                List.of("data"), List.of("data", "generate"), List.of("journal"), List.of("journal", "verify"), List.of("journal", "state"),
                List.of("help"));
    }

    @Test
    void theNameTableNamesEverySubcommandButHelpAsItsAnnotationDoes() {
        java.util.Map<String, Class<?>> expected = new java.util.HashMap<>();
        for (Class<?> subcommand : QuantdeskCommand.SUBCOMMANDS) {
            if (subcommand != CommandLine.HelpCommand.class) {
                expected.put(subcommand.getAnnotation(CommandLine.Command.class).name(), subcommand);
            }
        }

        assertThat(QuantdeskCommand.BY_NAME).isEqualTo(expected);
    }

    @ParameterizedTest(name = "quantdesk {0} --help")
    @MethodSource("commandPaths")
    void longHelpOptionPrintsUsageAndSucceeds(List<String> path) {
        CliRun run = quantdesk(withArgument(path, "--help"));

        assertUsage(run, path);
    }

    @ParameterizedTest(name = "quantdesk {0} -h")
    @MethodSource("commandPaths")
    void shortHelpOptionPrintsUsageAndSucceeds(List<String> path) {
        CliRun run = quantdesk(withArgument(path, "-h"));

        assertUsage(run, path);
    }

    @Test
    void helpSubcommandPrintsTheNamedCommandsUsage() {
        CliRun run = quantdesk("help", "backtest");

        assertUsage(run, List.of("backtest"));
    }

    @Test
    void noArgumentsPrintsTheTopLevelUsage() {
        CliRun run = quantdesk();

        assertUsage(run, List.of());
        assertThat(run.out()).contains("backtest", "strategies", "data");
    }

    @Test
    void dataWithoutASubcommandPrintsItsUsage() {
        CliRun run = quantdesk("data");

        assertUsage(run, List.of("data"));
        assertThat(run.out()).contains("generate");
    }

    @Test
    void backtestHelpDocumentsEveryOptionTheTestsRelyOn() {
        CliRun run = quantdesk("backtest", "--help");

        assertThat(run.out()).contains("--strategy=NAME", "--param=KEY=VALUE", "--data=FILE", "--synthetic",
                "--symbols=LIST", "--from=DATE", "--to=DATE", "--bar=SIZE", "--capital=RUPEES", "--qty=SHARES",
                "--report=FILE", "--json=FILE", "Default: sma-cross");
    }

    @ParameterizedTest(name = "quantdesk {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"--version", "-V"})
    void versionOptionPrintsTheVersion(String option) {
        CliRun run = quantdesk(option);

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.OK);
        assertThat(run.outLines()).containsExactly("Quantdesk 0.1.0");
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest(name = "quantdesk {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"--version", "-V", "--version backtst", "backtest --version",
        "backtst", "--help", "help backtest", ""})
    void aCommandLineBuiltForItsFirstArgumentAnswersAsTheWholeTreeDoes(String line) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" ");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int whole = QuantdeskCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);

        CliRun run = quantdesk(args);

        assertThat(run.exitCode()).isEqualTo(whole);
        assertThat(run.out()).isEqualTo(out.toString());
        assertThat(run.err()).isEqualTo(err.toString());
    }

    private static void assertUsage(CliRun run, List<String> path) {
        String qualifiedName = String.join(" ", withArgument(List.of("quantdesk"), path.toArray(String[]::new)));
        assertThat(run.exitCode()).as("exit code; stderr was %s", run.err()).isEqualTo(QuantdeskCommand.OK);
        assertThat(run.out()).contains("Usage: " + qualifiedName + " ");
        assertThat(run.err()).isEmpty();
    }

    private static String[] withArgument(List<String> path, String... more) {
        List<String> args = new ArrayList<>(path);
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }
}
