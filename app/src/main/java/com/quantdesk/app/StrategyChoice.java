package com.quantdesk.app;

import com.quantdesk.app.strategies.StrategyFileCompiler;
import com.quantdesk.app.strategies.UserStrategies;
import com.quantdesk.app.strategies.UserStrategy;
import com.quantdesk.core.strategy.StrategyCatalog;
import com.quantdesk.core.strategy.StrategyDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Resolves a command's {@code --strategy}, {@code --strategy-file} and {@code --strategies-dir} into the
 * strategy to run, with errors that name the option.
 */
final class StrategyChoice {

    private StrategyChoice() {
    }

    /**
     * The strategy to run.
     *
     * @param name          the {@code --strategy} value
     * @param nameGiven     whether {@code --strategy} was on the command line (its default does not pick
     *                      among a file's strategies)
     * @param file          the {@code --strategy-file}, or null
     * @param strategiesDir the {@code --strategies-dir}, or null for {@link UserStrategies#DEFAULT_DIRECTORY}
     */
    static StrategyDescriptor choose(String name, boolean nameGiven, Path file, Path strategiesDir) {
        List<UserStrategy> declared = file == null ? List.of() : fileStrategies(file);
        StrategyCatalog catalog = catalog(declared, file != null, strategiesDir);
        if (file == null) {
            return catalog.find(name).orElseThrow(() -> new UsageException("--strategy: unknown strategy '" + name
                    + "'; available: " + String.join(", ", catalog.all().stream().map(StrategyDescriptor::name)
                    .toList())));
        }
        List<String> names = declared.stream().map(UserStrategy::name).toList();
        if (!nameGiven) {
            if (declared.size() > 1) {
                throw new UsageException("--strategy-file: " + file + " declares several strategies (" + String.join(
                        ", ", names) + "); pick one with --strategy");
            }
            return declared.getFirst().descriptor();
        }
        return declared.stream().filter(s -> s.name().equals(name)).findFirst().map(UserStrategy::descriptor)
                .orElseThrow(() -> new UsageException("--strategy: " + file + " declares no strategy '" + name
                        + "' (it declares " + String.join(", ", names) + ")"));
    }

    /** The built-ins, the strategies folder's jars and, when given, the file's strategies. */
    static StrategyCatalog catalog(Path file, Path strategiesDir) {
        return catalog(file == null ? List.of() : fileStrategies(file), file != null, strategiesDir);
    }

    private static StrategyCatalog catalog(List<UserStrategy> fromFile, boolean fileGiven, Path strategiesDir) {
        List<UserStrategy> user = new ArrayList<>(jars(strategiesDir));
        user.addAll(fromFile);
        try {
            return UserStrategies.catalog(user);
        } catch (IllegalArgumentException e) {
            throw new UsageException((fileGiven ? "--strategy-file: " : "--strategies-dir: ") + e.getMessage(), e);
        }
    }

    private static List<UserStrategy> jars(Path strategiesDir) {
        try {
            return UserStrategies.fromJars(strategiesDir == null ? UserStrategies.DEFAULT_DIRECTORY : strategiesDir);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--strategies-dir: " + e.getMessage(), e);
        }
    }

    private static List<UserStrategy> fileStrategies(Path file) {
        try {
            return new StrategyFileCompiler().compile(file);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--strategy-file: " + e.getMessage(), e);
        }
    }
}
