package com.quantdesk.core.strategy;

import com.quantdesk.core.strategy.builtin.DonchianBreakoutStrategy;
import com.quantdesk.core.strategy.builtin.RsiMeanReversionStrategy;
import com.quantdesk.core.strategy.builtin.SmaCrossStrategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The strategies Quantdesk can run by name. */
public final class StrategyCatalog implements StrategyFactory {

    private final Map<String, StrategyDescriptor> byName = new LinkedHashMap<>();

    /** A catalog of the given descriptors; names must be unique. */
    public StrategyCatalog(List<StrategyDescriptor> descriptors) {
        for (StrategyDescriptor d : descriptors) {
            if (byName.putIfAbsent(d.name(), d) != null) {
                throw new IllegalArgumentException("duplicate strategy name " + d.name());
            }
        }
    }

    /** The built-in strategies. */
    public static StrategyCatalog builtIns() {
        return new StrategyCatalog(List.of(SmaCrossStrategy.DESCRIPTOR, RsiMeanReversionStrategy.DESCRIPTOR,
                DonchianBreakoutStrategy.DESCRIPTOR));
    }

    /** The strategy called {@code name}, if any. */
    public Optional<StrategyDescriptor> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The strategy called {@code name}.
     *
     * @throws IllegalArgumentException listing the known names when there is none
     */
    public StrategyDescriptor get(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("unknown strategy '" + name
                + "'; available: " + String.join(", ", byName.keySet())));
    }

    /** Builds the strategy called {@code name} from text parameters. */
    @Override
    public Strategy create(String name, Map<String, String> params) {
        return get(name).create(params);
    }

    /** Every strategy, in catalog order. */
    public List<StrategyDescriptor> all() {
        return List.copyOf(byName.values());
    }
}
