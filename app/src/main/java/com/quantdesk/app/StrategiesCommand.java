package com.quantdesk.app;

import com.quantdesk.core.strategy.ParameterSpec;
import com.quantdesk.core.strategy.StrategyCatalog;
import com.quantdesk.core.strategy.StrategyDescriptor;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code quantdesk strategies}: the built-in strategies and their parameters. */
@Command(name = "strategies", mixinStandardHelpOptions = true,
        description = "List the built-in strategies with their parameters, defaults and bounds.")
final class StrategiesCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (StrategyDescriptor d : StrategyCatalog.builtIns().all()) {
            out.println(d.name());
            out.println("  " + d.description());
            for (ParameterSpec p : d.parameters()) {
                String range = ParameterSpec.format(p.min()) + ".." + ParameterSpec.format(p.max());
                out.printf("    %-12s default %-8s range %-14s %s%n", p.name(),
                        ParameterSpec.format(p.defaultValue()), range, p.description());
            }
            out.println();
        }
        out.flush();
        return QuantdeskCommand.OK;
    }
}
