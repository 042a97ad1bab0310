package com.quantdesk.app;

import com.quantdesk.app.strategies.StrategyTemplate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quantdesk strategy}: work on your own strategies. */
@Command(name = "strategy", mixinStandardHelpOptions = true,
        description = "Write your own strategy (guide: docs/strategies.md). To list strategies: quantdesk strategies.",
        subcommands = StrategyCommand.New.class)
final class StrategyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code quantdesk strategy new NAME}: writes a strategy to start from and a test of it. */
    @Command(name = "new", mixinStandardHelpOptions = true,
            description = {"Write NAME.java, a documented breakout strategy to edit, and NAMETest.java, a JUnit 5 "
                    + "test of its rules. Existing files are never overwritten."},
            footer = {"", "Then:", "  quantdesk backtest --strategy-file NAME.java --synthetic --symbols RELIANCE"})
    static final class New implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "NAME", description = "Class name of the strategy, e.g. MyBreakout "
                + "(its strategy name becomes my-breakout).")
        String name;

        @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".",
                description = "Folder to write the files into. Default: the current folder.")
        Path dir;

        @Override
        public Integer call() {
            List<Path> written;
            try {
                StrategyTemplate.validateClassName(name);
            } catch (IllegalArgumentException e) {
                throw new UsageException("NAME: " + e.getMessage(), e);
            }
            try {
                written = StrategyTemplate.write(name, dir);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--dir: " + e.getMessage(), e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Wrote " + written.get(0) + " (strategy '" + StrategyTemplate.strategyName(name) + "')");
            out.println("Wrote " + written.get(1));
            out.println("Try it: quantdesk backtest --strategy-file " + written.get(0) + " --synthetic --symbols RELIANCE");
            out.println("Guide:  docs/strategies.md");
            out.flush();
            return QuantdeskCommand.OK;
        }
    }
}
