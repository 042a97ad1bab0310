package com.quantdesk.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code quantdesk} command and its subcommands. */
@Command(name = "quantdesk", mixinStandardHelpOptions = true, version = "Quantdesk 0.1.0",
        description = "Algorithmic trading for NSE equities: backtest, paper-trade and trade live.",
        subcommands = {CommandLine.HelpCommand.class})
public final class QuantdeskCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line, runs {@code args} and returns the exit code (0 ok, 1 failure, 2 usage). */
    public static int execute(String... args) {
        return new CommandLine(new QuantdeskCommand()).execute(args);
    }
}
