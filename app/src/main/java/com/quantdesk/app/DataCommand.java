package com.quantdesk.app;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.sim.data.CsvBarWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quantdesk data}: market data tools. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Market data tools.",
        subcommands = {DataCommand.Generate.class})
final class DataCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code quantdesk data generate}: writes synthetic bars as CSV files. */
    @Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
            description = "Write deterministic synthetic bars, one CSV per symbol (datetime,open,high,low,close,volume).")
    static final class Generate implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--symbols", paramLabel = "LIST", defaultValue = "RELIANCE",
                description = "Symbols, comma-separated. Default: ${DEFAULT-VALUE}.")
        String symbols;

        @Option(names = "--from", paramLabel = "DATE", defaultValue = "2022-01-03",
                description = "First trading day. Default: ${DEFAULT-VALUE}.")
        LocalDate from;

        @Option(names = "--to", paramLabel = "DATE", defaultValue = "2025-12-31",
                description = "Last trading day. Default: ${DEFAULT-VALUE}.")
        LocalDate to;

        @Option(names = "--bar", paramLabel = "SIZE", defaultValue = "1d",
                description = "Bar size: 1d, 1m, 5m, 15m, 1h... Default: ${DEFAULT-VALUE}.")
        String bar;

        @Option(names = "--seed", defaultValue = "42", description = "Seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
                description = "Directory to write SYMBOL.csv files into. Default: the current directory.")
        Path out;

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            MarketData data = MarketData.synthetic(MarketData.parseSymbols(symbols), from, to,
                    MarketData.parseBarSize(bar), seed);
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create directory " + out + ": " + e.getMessage(), e);
            }
            CsvBarWriter writer = new CsvBarWriter();
            for (Map.Entry<Symbol, List<Bar>> e : data.bars().entrySet()) {
                Path file = out.resolve(e.getKey().value() + ".csv");
                writer.write(file, e.getValue());
                stdout.printf("%s: %,d bars%n", file, e.getValue().size());
            }
            stdout.flush();
            return QuantdeskCommand.OK;
        }
    }
}
