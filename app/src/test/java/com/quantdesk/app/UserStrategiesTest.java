package com.quantdesk.app;

import static com.quantdesk.app.CliRun.quantdesk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quantdesk.app.paper.PaperConfig;
import com.quantdesk.app.paper.PaperConfigLoader;
import com.quantdesk.app.strategies.UserStrategy;
import com.quantdesk.core.strategy.StrategyDescriptor;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Your own strategies: {@code strategy new}, {@code --strategy-file} and jars in the strategies folder. */
class UserStrategiesTest {

    @TempDir
    Path dir;

    @Test
    void theNewStrategyCompilesAndBacktestsFromItsFile() throws IOException {
        Path source = newStrategy("Breakout");
        Path json = dir.resolve("result.json");
        Path[] data = generateRelianceAndInfyFor2024();

        CliRun run = quantdesk("backtest", "--strategy-file", source.toString(), "--data", data[0].toString(),
                data[1].toString(), "--json", json.toString(), "--no-progress");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(QuantdeskCommand.OK);
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines()).contains(
                "Backtest  breakout (lookback=20, exit=10, qty=10)",
                "Symbols   RELIANCE,INFY");
        assertThat(run.outLines()).anySatisfy(line -> assertThat(line).matches("Final equity +₹10,02,882\\.39"))
                .anySatisfy(line -> assertThat(line).matches("Trades +11"))
                .anySatisfy(line -> assertThat(line).matches("Orders / fills +22 / 22"));
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        assertThat(result.path("strategy").asText()).isEqualTo("breakout");
        assertThat(result.path("orders")).hasSize(22);
    }

    @Test
    void aSweepOfTheFilesStrategyAgreesWithItsSingleRun() throws IOException {
        Path source = newStrategy("SweptBreakout");
        Path json = dir.resolve("sweep.json");
        Path[] data = generateRelianceAndInfyFor2024();

        CliRun run = quantdesk("sweep", "--strategy-file", source.toString(), "--grid", "lookback=10,20,30",
                "--data", data[0].toString(), data[1].toString(), "--json", json.toString(), "--no-progress",
                "--threads", "2");

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(QuantdeskCommand.OK);
        JsonNode results = new ObjectMapper().readTree(json.toFile()).path("results");
        assertThat(results).hasSize(3);
        JsonNode twenty = null;
        for (JsonNode row : results) {
            if (row.path("parameters").path("lookback").asDouble() == 20) {
                twenty = row;
            }
        }
        // The same file, parameters and bars as theNewStrategyCompilesAndBacktestsFromItsFile's single run.
        assertThat(twenty).isNotNull();
        assertThat(twenty.path("finalEquity").decimalValue()).isEqualByComparingTo("1002882.39");
        assertThat(twenty.path("orders").asInt()).isEqualTo(22);
    }

    @Test
    void theNewStrategysTestCompilesAndPasses() throws Exception {
        Path source = newStrategy("Breakout");
        Path test = dir.resolve("src").resolve("BreakoutTest.java");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();

        int status = javac.run(null, null, null, "-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), source.toString(), test.toString());

        assertThat(status).isZero();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                getClass().getClassLoader())) {
            Class<?> type = loader.loadClass("BreakoutTest");
            List<String> ran = new ArrayList<>();
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Test.class)) {
                    Constructor<?> constructor = type.getDeclaredConstructor();
                    constructor.setAccessible(true);
                    method.setAccessible(true);
                    method.invoke(constructor.newInstance()); // an assertion failure throws here
                    ran.add(method.getName());
                }
            }
            assertThat(ran).containsExactlyInAnyOrder("buysWhenABarClosesAboveTheHighOfTheBarsBeforeIt",
                    "sellsTheWholePositionWhenABarClosesBelowTheAverageClose");
        }
    }

    @Test
    void aCompileErrorIsReportedAtItsLineWithoutAStackTrace() throws IOException {
        Path source = newStrategy("Broken");
        List<String> lines = new ArrayList<>(Files.readAllLines(source));
        int line = lines.indexOf("        public void onBar(StrategyContext context, Bar bar) {") + 2;
        lines.add(line - 1, "            int oops = \"text\";");
        Files.write(source, lines);

        CliRun run = quantdesk("backtest", "--strategy-file", source.toString(), "--no-progress");

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "quantdesk: --strategy-file: " + source + " does not compile (1 error):",
                source + ":" + line + ":24: incompatible types: java.lang.String cannot be converted to int");
    }

    @Test
    void aStrategyNamedLikeABuiltInIsRefused() throws IOException {
        Path source = newStrategy("SmaCross");

        CliRun run = quantdesk("backtest", "--strategy-file", source.toString(), "--no-progress");

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(run.err()).isEqualTo("quantdesk: --strategy-file: " + source + ": strategy name 'sma-cross' is "
                + "taken by a built-in strategy; give yours another name\n");
    }

    @Test
    void aFileWithoutAProviderSaysWhatIsMissing() throws IOException {
        Path source = Files.writeString(dir.resolve("Plain.java"), "public class Plain {}\n");

        CliRun run = quantdesk("backtest", "--strategy-file", source.toString(), "--no-progress");

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(run.err()).isEqualTo("quantdesk: --strategy-file: " + source + ": no public class implements "
                + "com.quantdesk.core.strategy.StrategyProvider (see docs/strategies.md)\n");
    }

    @Test
    void aFileWithSeveralStrategiesNeedsStrategyToPickOne() throws IOException {
        Path source = Files.writeString(dir.resolve("Pair.java"), """
                import com.quantdesk.core.strategy.*;
                import java.util.List;

                public class Pair {
                    public static class Quiet implements StrategyProvider {
                        public StrategyDescriptor descriptor() {
                            return new StrategyDescriptor("quiet", "never trades",
                                    List.of(ParameterSpec.integer("qty", "shares", 1, 1, 10)), p -> (c, b) -> { });
                        }
                    }

                    public static class Loud implements StrategyProvider {
                        public StrategyDescriptor descriptor() {
                            return new StrategyDescriptor("loud", "buys every bar", List.of(),
                                    p -> (c, b) -> c.market(b.symbol(), com.quantdesk.core.domain.Side.BUY, 1,
                                            com.quantdesk.core.domain.Product.CNC));
                        }
                    }
                }
                """);
        String[] period = {"--synthetic", "--from", "2024-01-01", "--to", "2024-01-31", "--no-progress"};

        CliRun unnamed = quantdesk(with(period, "backtest", "--strategy-file", source.toString()));
        CliRun quiet = quantdesk(with(period, "backtest", "--strategy-file", source.toString(), "--strategy", "quiet"));
        CliRun missing = quantdesk(with(period, "backtest", "--strategy-file", source.toString(), "--strategy", "x"));

        assertThat(unnamed.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(unnamed.err()).isEqualTo("quantdesk: --strategy-file: " + source + " declares several strategies "
                + "(quiet, loud); pick one with --strategy\n");
        assertThat(quiet.exitCode()).as("stderr: %s", quiet.err()).isEqualTo(QuantdeskCommand.OK);
        assertThat(quiet.outLines()).contains("Backtest  quiet (qty=1)");
        assertThat(quiet.outLines()).anySatisfy(line -> assertThat(line).matches("Orders / fills +0 / 0"));
        assertThat(missing.err()).isEqualTo("quantdesk: --strategy: " + source + " declares no strategy 'x' (it "
                + "declares quiet, loud)\n");
    }

    private static String[] with(String[] tail, String... head) {
        return Stream.concat(Stream.of(head), Stream.of(tail)).toArray(String[]::new);
    }

    @Test
    void strategyNewRefusesToOverwriteAndNamesABadName() throws IOException {
        Path source = newStrategy("Breakout");
        Files.writeString(source, "// mine\n");

        CliRun again = quantdesk("strategy", "new", "Breakout", "--dir", dir.resolve("src").toString());
        CliRun bad = quantdesk("strategy", "new", "my-breakout");

        assertThat(again.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(again.err()).isEqualTo("quantdesk: --dir: " + source + " exists; not overwriting it (choose "
                + "another name or move the file)\n");
        assertThat(Files.readString(source)).isEqualTo("// mine\n");
        assertThat(bad.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(bad.err()).isEqualTo("quantdesk: NAME: 'my-breakout' is not a Java class name: use letters and "
                + "digits, starting with a letter, e.g. MyBreakout\n");
    }

    @Test
    void aJarInTheStrategiesFolderIsListedAndBacktests() throws IOException {
        Path strategies = Files.createDirectories(dir.resolve("strategies"));
        buildJar(newStrategy("JarBreakout"), strategies.resolve("mine.jar"));

        CliRun listed = quantdesk("strategies", "--strategies-dir", strategies.toString());
        CliRun run = quantdesk("backtest", "--strategies-dir", strategies.toString(), "--strategy", "jar-breakout",
                "--param", "lookback=10", "--no-progress");

        assertThat(listed.exitCode()).isEqualTo(QuantdeskCommand.OK);
        assertThat(listed.outLines().stream().filter(line -> !line.isBlank() && !line.startsWith(" ")))
                .containsExactly("sma-cross", "rsi-reversion", "donchian-breakout", "jar-breakout  (yours)");
        assertThat(listed.outLines()).contains(
                "    lookback     default 20       range 2..1000        breakout channel, bars");
        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(QuantdeskCommand.OK);
        assertThat(run.outLines()).contains("Backtest  jar-breakout (lookback=10, exit=10, qty=10)");
    }

    @Test
    void theSameFileRunsABotInPaperTrading() throws IOException {
        newStrategy("Breakout");
        Path config = dir.resolve("desk.yaml");
        Files.writeString(config, """
                dataDir: data
                feed: {mode: demo, interval: 1s, symbols: [RELIANCE]}
                accounts: [{id: desk, capital: 500000}]
                bots:
                  - {id: my-breakout, account: desk, strategyFile: src/Breakout.java,
                     params: {lookback: 3, exit: 2, qty: 1}, symbols: [RELIANCE]}
                """);

        CliRun run = quantdesk("paper", "--no-api", "--config", config.toString(), "--speed", "600",
                "--duration", "2s", "--status-every", "1s");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines()).contains("  bot:      my-breakout breakout [RELIANCE] running",
                "stopped; working orders stay at the venue and are restored on the next start");
        assertThat(run.outLines()).anyMatch(l -> l.matches(".* IST  events \\d+ .*my-breakout running \\d+ fills.*"));
        // A replay (journal state, and so a backup's restore test) rebuilds the state without the file.
        CliRun state = quantdesk("journal", "state", "--data-dir", dir.resolve("data").toString());
        assertThat(state.exitCode()).as(state.err()).isZero();
        assertThat(state.outLines()).contains("bot/my-breakout/state=RUNNING");
    }

    @Test
    void aPaperBotsStrategyFileThatDoesNotCompileNamesTheFieldAndLine() throws IOException {
        Path source = Files.createDirectories(dir.resolve("src")).resolve("Bad.java");
        Files.writeString(source, """
                public class Bad implements com.quantdesk.core.strategy.StrategyProvider {
                    public com.quantdesk.core.strategy.StrategyDescriptor descriptor() {
                        return null
                    }
                }
                """);
        Path config = dir.resolve("desk.yaml");
        Files.writeString(config, """
                dataDir: data
                accounts: [{id: desk, capital: 500000}]
                bots: [{id: b, account: desk, strategyFile: src/Bad.java, symbols: [RELIANCE]}]
                """);

        CliRun run = quantdesk("paper", "--no-api", "--config", config.toString(), "--duration", "1s");

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(run.errLines()).containsExactly(
                "quantdesk: " + config + ": bots[0].strategyFile: " + source + " does not compile (1 error):",
                source + ":3:20: ';' expected");
        assertThat(dir.resolve("data")).doesNotExist();
    }

    @Test
    void aPaperBotNamesAJarStrategyFromTheStrategiesFolderNextToTheConfiguration() throws IOException {
        Path desk = Files.createDirectories(dir.resolve("desk"));
        buildJar(newStrategy("JarBreakout"), Files.createDirectories(desk.resolve("strategies")).resolve("mine.jar"));
        Path config = desk.resolve("quantdesk.yaml");
        Files.writeString(config, """
                accounts: [{id: desk}]
                bots:
                  - {id: a, account: desk, strategy: jar-breakout, params: {qty: 3}, symbols: [INFY]}
                  - {id: b, account: desk, strategy: sma-cross, symbols: [INFY]}
                """);

        PaperConfig loaded = PaperConfigLoader.load(config);

        assertThat(loaded.bots().get(0).strategy()).isEqualTo("jar-breakout");
        assertThat(loaded.bots().get(0).userStrategy().map(UserStrategy::source))
                .contains(desk.resolve("strategies/mine.jar").toString());
        assertThat(loaded.bots().get(1).userStrategy()).isEmpty();
        assertThat(loaded.strategies().all().stream().map(StrategyDescriptor::name))
                .containsExactly("sma-cross", "rsi-reversion", "donchian-breakout", "jar-breakout");
    }

    @Test
    void aPaperBotWithAnUnknownStrategySaysWhereStrategiesComeFrom() throws IOException {
        Path config = Files.writeString(dir.resolve("quantdesk.yaml"), """
                accounts: [{id: desk}]
                bots: [{id: a, account: desk, strategy: nothing, symbols: [INFY]}]
                """);

        assertThatThrownBy(() -> PaperConfigLoader.load(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(config + ": bots[0].strategy: unknown strategy 'nothing'; available: sma-cross, "
                        + "rsi-reversion, donchian-breakout (or give a Java file with strategyFile)");
    }

    /** Compiles {@code source} and packs its classes with a ServiceLoader registration, as a user's build would. */
    private void buildJar(Path source, Path jar) throws IOException {
        Path classes = Files.createDirectories(dir.resolve("jar-classes"));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"), source.toString());
        assertThat(status).isZero();
        String className = source.getFileName().toString().replace(".java", "");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/com.quantdesk.core.strategy.StrategyProvider"));
            out.write((className + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }

    private Path newStrategy(String name) {
        CliRun run = quantdesk("strategy", "new", name, "--dir", dir.resolve("src").toString());
        assertThat(run.exitCode()).as("strategy new: %s", run.err()).isEqualTo(QuantdeskCommand.OK);
        return dir.resolve("src").resolve(name + ".java");
    }

    private Path[] generateRelianceAndInfyFor2024() {
        Path out = dir.resolve("data");
        CliRun run = quantdesk("data", "generate", "--symbols", "RELIANCE,INFY", "--from", "2024-01-01", "--to",
                "2024-12-31", "--out", out.toString());
        assertThat(run.exitCode()).as("data generate: %s", run.err()).isEqualTo(QuantdeskCommand.OK);
        return new Path[] {out.resolve("RELIANCE.csv"), out.resolve("INFY.csv")};
    }
}
