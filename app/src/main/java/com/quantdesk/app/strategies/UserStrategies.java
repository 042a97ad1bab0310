package com.quantdesk.app.strategies;

import com.quantdesk.core.strategy.StrategyCatalog;
import com.quantdesk.core.strategy.StrategyDescriptor;
import com.quantdesk.core.strategy.StrategyProvider;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The strategies users add: jars in a strategies folder, found through {@link ServiceLoader}, and
 * Java files compiled on the fly; and the catalog of those plus the built-ins.
 */
public final class UserStrategies {

    /** The folder searched for strategy jars when none is named: {@code strategies} in the working directory. */
    public static final Path DEFAULT_DIRECTORY = Path.of("strategies");

    private UserStrategies() {
    }

    /**
     * The strategies of every {@code *.jar} in {@code directory} (in name order), as their
     * {@code META-INF/services/com.quantdesk.core.strategy.StrategyProvider} files list them; none when
     * the folder does not exist.
     *
     * @throws IllegalArgumentException naming the folder or jar when a listed provider cannot be loaded
     */
    public static List<UserStrategy> fromJars(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> jars;
        try (Stream<Path> entries = Files.list(directory)) {
            jars = entries.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(directory + ": cannot list: " + e.getMessage(), e);
        }
        List<UserStrategy> strategies = new ArrayList<>();
        for (Path jar : jars) {
            strategies.addAll(fromJar(jar));
        }
        return strategies;
    }

    private static List<UserStrategy> fromJar(Path jar) {
        URL url;
        try {
            url = jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar + ": " + e.getMessage(), e);
        }
        // One loader per jar, so two jars' classes of the same name cannot shadow each other; never closed,
        // because the strategies it defines live as long as the process.
        URLClassLoader loader = new URLClassLoader("strategy-jar", new URL[] {url},
                StrategyProvider.class.getClassLoader());
        List<UserStrategy> strategies = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<StrategyProvider> p : ServiceLoader.load(StrategyProvider.class, loader)
                    .stream().toList()) {
                // The parent loader's own providers (none today) are not this jar's.
                if (p.type().getClassLoader() == loader) {
                    strategies.add(describe(p.get(), jar.toString()));
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalArgumentException(jar + ": " + e.getMessage(), e);
        }
        return strategies;
    }

    /**
     * Asks a provider for its descriptor.
     *
     * @throws IllegalArgumentException naming {@code source} when the provider fails or its name is unusable
     */
    static UserStrategy describe(StrategyProvider provider, String source) {
        StrategyDescriptor descriptor;
        try {
            descriptor = provider.descriptor();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalArgumentException(source + ": " + provider.getClass().getName()
                    + ".descriptor() failed: " + e, e);
        }
        if (descriptor == null) {
            throw new IllegalArgumentException(source + ": " + provider.getClass().getName()
                    + ".descriptor() returned null");
        }
        String name = descriptor.name();
        if (name.isBlank() || !name.equals(name.strip()) || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException(source + ": strategy name '" + name
                    + "' must be one word without spaces, e.g. my-breakout");
        }
        return new UserStrategy(descriptor, source);
    }

    /**
     * The built-in strategies followed by {@code user}, each name once. The same strategy listed twice
     * (two bots using one file) counts once.
     *
     * @throws IllegalArgumentException naming both sources when two strategies share a name
     */
    public static StrategyCatalog catalog(List<UserStrategy> user) {
        StrategyCatalog builtIns = StrategyCatalog.builtIns();
        Map<String, UserStrategy> byName = new LinkedHashMap<>();
        for (UserStrategy s : user) {
            if (builtIns.find(s.name()).isPresent()) {
                throw new IllegalArgumentException(s.source() + ": strategy name '" + s.name()
                        + "' is taken by a built-in strategy; give yours another name");
            }
            UserStrategy earlier = byName.putIfAbsent(s.name(), s);
            if (earlier != null && earlier.descriptor() != s.descriptor()) {
                throw new IllegalArgumentException(s.source() + ": strategy name '" + s.name()
                        + "' is also declared by " + earlier.source() + "; names must be unique");
            }
        }
        List<StrategyDescriptor> all = new ArrayList<>(builtIns.all());
        byName.values().forEach(s -> all.add(s.descriptor()));
        return new StrategyCatalog(all);
    }
}
