package com.quantdesk.app;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * An environment lookup (the process's, or a test's) as the read-only map the configuration readers
 * take; only {@link #get} and {@link #containsKey} answer, it cannot be listed.
 */
final class EnvironmentMap extends AbstractMap<String, String> {

    private final Function<String, String> env;

    EnvironmentMap(Function<String, String> env) {
        this.env = env;
    }

    @Override
    public String get(Object key) {
        return key instanceof String name ? env.apply(name) : null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
        return Set.of();
    }
}
