package com.quantdesk.app;

import com.quantdesk.sim.data.BarFileException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code quantdesk} command and its subcommands.
 *
 * <p>picocli builds a command's model from its annotations by reflection, and building all sixteen
 * subcommands (with their own subcommands and mixins) costs about a tenth of a second more start-up
 * than building one.
 * A run that names its subcommand first, as nearly every run does, therefore gets a tree with only
 * that subcommand under the root, and {@code --version} alone none; anything else (no arguments, an
 * option first, {@code help}, a misspelt name that deserves a suggestion) gets the whole tree.
 */
@Command(name = "quantdesk", mixinStandardHelpOptions = true, version = "Quantdesk 0.1.0",
        description = "Algorithmic trading for NSE equities: backtest, paper-trade and trade live.")
public final class QuantdeskCommand implements Runnable {

    /** The subcommands in the order the usage lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(BacktestCommand.class, PaperCommand.class,
            LiveCommand.class, KiteSandboxCommand.class, KiteCommand.class, BackupCommand.class,
            RestoreCommand.class, PreflightCommand.class, ConfigCommand.class, StrategiesCommand.class,
            StrategyCommand.class, SweepCommand.class, WalkForwardCommand.class, DataCommand.class,
            JournalCommand.class, CommandLine.HelpCommand.class);

    /**
     * Each subcommand but {@code help} by its {@code @Command} name, written out because reading the
     * annotations of them all costs more start-up than the rest of finding one (a test keeps the two
     * in step).
     */
    static final Map<String, Class<?>> BY_NAME = Map.ofEntries(Map.entry("backtest", BacktestCommand.class),
            Map.entry("paper", PaperCommand.class), Map.entry("live", LiveCommand.class),
            Map.entry("kite-sandbox", KiteSandboxCommand.class), Map.entry("kite", KiteCommand.class),
            Map.entry("backup", BackupCommand.class), Map.entry("restore", RestoreCommand.class),
            Map.entry("preflight", PreflightCommand.class), Map.entry("config", ConfigCommand.class),
            Map.entry("strategies", StrategiesCommand.class), Map.entry("strategy", StrategyCommand.class),
            Map.entry("sweep", SweepCommand.class), Map.entry("walkforward", WalkForwardCommand.class),
            Map.entry("data", DataCommand.class), Map.entry("journal", JournalCommand.class));

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
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs {@code args} as {@link #execute(String...)} does, writing to {@code out} and {@code err}. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl;
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            cl = new CommandLine(new QuantdeskCommand()); // the version needs no subcommand
        } else {
            Class<?> named = args.length == 0 ? null : BY_NAME.get(args[0]);
            cl = named == null ? fullTree() : rootWith(named);
        }
        return configure(cl, out, err).execute(args);
    }

    /** The configured command line with every subcommand, writing to {@code out} and {@code err}. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return configure(fullTree(), out, err);
    }

    private static CommandLine fullTree() {
        CommandLine cl = new CommandLine(new QuantdeskCommand());
        for (Class<?> subcommand : SUBCOMMANDS) {
            cl.addSubcommand(subcommand);
        }
        return cl;
    }

    private static CommandLine rootWith(Class<?> subcommand) {
        return new CommandLine(new QuantdeskCommand()).addSubcommand(subcommand);
    }

    private static CommandLine configure(CommandLine cl, PrintWriter out, PrintWriter err) {
        cl.setOut(out);
        cl.setErr(err);
        // The command runs once logging, started beside parsing (LogSetup), is ready.
        cl.setExecutionStrategy(parseResult -> {
            LogSetup.awaitReady();
            return new CommandLine.RunLast().execute(parseResult);
        });
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
