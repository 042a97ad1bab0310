package com.quantdesk.kite.ticker;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The instruments a ticker is subscribed to, each in its mode, and the client messages of
 * docs/kite-connect.md §B.2 that say so. Not thread-safe: {@link KiteTicker} guards it.
 */
final class TickerSubscriptions {

    private final Map<Long, TickerMode> modes = new LinkedHashMap<>();

    /** Records {@code tokens} in {@code mode}; returns the messages that subscribe them. */
    List<String> subscribe(TickerMode mode, Collection<Long> tokens) {
        tokens.forEach(token -> modes.put(token, mode));
        return List.of(message("subscribe", tokens), modeMessage(mode, tokens));
    }

    /** Forgets {@code tokens}; returns the message that unsubscribes them. */
    String unsubscribe(Collection<Long> tokens) {
        tokens.forEach(modes::remove);
        return message("unsubscribe", tokens);
    }

    /** Changes the mode of subscribed {@code tokens}; returns the message that says so. */
    String setMode(TickerMode mode, Collection<Long> tokens) {
        tokens.forEach(token -> modes.put(token, mode));
        return modeMessage(mode, tokens);
    }

    /** Whether every one of {@code tokens} is subscribed. */
    boolean containsAll(Collection<Long> tokens) {
        return modes.keySet().containsAll(tokens);
    }

    /** Every subscription's messages, for a fresh connection: one subscribe, then one mode per mode. */
    List<String> resubscribe() {
        if (modes.isEmpty()) {
            return List.of();
        }
        List<String> messages = new ArrayList<>();
        messages.add(message("subscribe", modes.keySet()));
        Map<TickerMode, List<Long>> byMode = new EnumMap<>(TickerMode.class);
        modes.forEach((token, mode) -> byMode.computeIfAbsent(mode, m -> new ArrayList<>()).add(token));
        byMode.forEach((mode, tokens) -> messages.add(modeMessage(mode, tokens)));
        return messages;
    }

    /** A copy of the subscriptions. */
    Map<Long, TickerMode> snapshot() {
        return Map.copyOf(modes);
    }

    /** {@code {"a":"<action>","v":[t1,t2]}}. */
    static String message(String action, Collection<Long> tokens) {
        return "{\"a\":\"" + action + "\",\"v\":" + list(tokens) + "}";
    }

    /** {@code {"a":"mode","v":["<mode>",[t1,t2]]}}. */
    static String modeMessage(TickerMode mode, Collection<Long> tokens) {
        return "{\"a\":\"mode\",\"v\":[\"" + mode.wire() + "\"," + list(tokens) + "]}";
    }

    private static String list(Collection<Long> tokens) {
        return tokens.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }
}
