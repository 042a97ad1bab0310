package com.quantdesk.app;

import com.quantdesk.core.strategy.ParameterSpec;
import com.quantdesk.core.strategy.StrategyCatalog;
import com.quantdesk.core.strategy.StrategyDescriptor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quantdesk strategies}: the built-in and user strategies and their parameters. */
@Command(name = "strategies", mixinStandardHelpOptions = true,
        description = {"List the strategies with their parameters, defaults and bounds: the built-in ones, those in "
                + "the jars of the strategies folder and, with --strategy-file, those of a Java file."})
final class StrategiesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--strategy-file", paramLabel = "FILE", description = "Also compile and list this Java file's strategies.")
    Path strategyFile;

    @Option(names = "--strategies-dir", paramLabel = "DIR",
            description = "Folder of strategy jars found through ServiceLoader. Default: strategies.")
    Path strategiesDir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StrategyCatalog builtIns = StrategyCatalog.builtIns();
        for (StrategyDescriptor d : StrategyChoice.catalog(strategyFile, strategiesDir).all()) {
            out.println(builtIns.find(d.name()).isPresent() ? d.name() : d.name() + "  (yours)");
            out.println("  " + d.description());
            for (ParameterSpec p : d.parameters()) {
                String range = ParameterSpec.format(p.min()) + ".." + ParameterSpec.format(p.max());
                out.printf("    %-12s default %-8s range %-14s %s%n", p.name(),
                        ParameterSpec.format(p.defaultValue()), range, p.description());
            }
            out.println();
        }
        if (strategiesDir != null && !java.nio.file.Files.isDirectory(strategiesDir)) {
            spec.commandLine().getErr().println("note: " + strategiesDir + " is not a folder; no strategy jars read");
        }
        out.flush();
        return QuantdeskCommand.OK;
    }
}
