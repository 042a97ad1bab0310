package com.quantdesk.app;

import com.quantdesk.app.config.QuantdeskSettings;
import picocli.CommandLine;

/**
 * Defaults of the trading process's flags from their {@code QD_} variables ({@code QD_PORT} for
 * {@code --port}, see {@link QuantdeskSettings}): a flag given wins, the variable comes next, then the
 * flag's own default. Secrets are not flags and are read where they are used.
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argument) {
        if (!(argument instanceof CommandLine.Model.OptionSpec option)) {
            return null;
        }
        return QuantdeskSettings.ofFlag(option.longestName())
                .filter(setting -> setting.variable() != null && !setting.secret())
                .map(setting -> PaperCommand.env.apply(setting.variable()))
                .filter(value -> !value.isBlank())
                .orElse(null);
    }
}
