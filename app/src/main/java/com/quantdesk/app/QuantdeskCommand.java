package com.quantdesk.app;

import com.quantdesk.sim.data.BarFileException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code quantdesk} command and its subcommands. */
@Command(name = "quantdesk", mixinStandardHelpOptions = true, version = "Quantdesk 0.1.0",
        description = "Algorithmic trading for NSE equities: backtest, paper-trade and trade live.",
        subcommands = {BacktestCommand.class, PaperCommand.class, LiveCommand.class, KiteSandboxCommand.class, KiteCommand.class,
                BackupCommand.class, RestoreCommand.class, PreflightCommand.class, ConfigCommand.class,
                StrategiesCommand.class, StrategyCommand.class, SweepCommand.class, WalkForwardCommand.class,
                DataCommand.class, JournalCommand.class, CommandLine.HelpCommand.class})
public final class QuantdeskCommand implements Runnable {

    /** Exit code for success. */
    public static final int OK = 0;
    /** Exit code for a failure while doing the work. */
    public static final int FAILURE = 1;
    /** Exit code for bad arguments. */
    public static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line, runs {@code args} and returns the exit code (0 ok, 1 failure, 2 usage). */
    public static int execute(String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /** The configured command line writing to {@code out} and {@code err}. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new QuantdeskCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("quantdesk: " + ex.getMessage());
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            failed.getErr().println("quantdesk: " + message(ex));
            if (System.getenv("QUANTDESK_DEBUG") != null) {
                ex.printStackTrace(failed.getErr());
            }
            return ex instanceof UsageException ? USAGE : FAILURE;
        });
        return cl;
    }

    private static String message(Exception ex) {
        if (ex instanceof BarFileException || ex instanceof UsageException) {
            return ex.getMessage();
        }
        String m = ex.getMessage();
        return m == null || m.isBlank() ? ex.getClass().getSimpleName() : m;
    }
}
