package com.quantdesk.app.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a client's text message (B.2) to its subscriptions: {@code subscribe} adds tokens in
 * quote mode (a token already subscribed keeps its mode), {@code unsubscribe} removes them,
 * {@code mode} sets the mode of tokens (subscribing them if needed). Tokens the sandbox does not
 * know are ignored, as Kite ignores them.
 */
final class TickerRequests {

    private TickerRequests() {
    }

    /**
     * @return the tokens whose packets the client should now be sent a snapshot of
     * @throws IllegalArgumentException with the message to send back as an error
     */
    static Set<Long> apply(String text, Map<Long, TickerMode> subscriptions, SandboxInstruments instruments) {
        Object parsed;
        try {
            parsed = KiteJson.read(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Invalid message: not JSON");
        }
        if (!(parsed instanceof Map<?, ?> message) || !(message.get("a") instanceof String action)) {
            throw new IllegalArgumentException("Invalid message: expected {\"a\":…,\"v\":…}");
        }
        Object value = message.get("v");
        Set<Long> changed = new HashSet<>();
        switch (action) {
            case "subscribe" -> {
                for (long token : tokens(value, instruments)) {
                    subscriptions.putIfAbsent(token, TickerMode.QUOTE);
                    changed.add(token);
                }
            }
            case "unsubscribe" -> tokens(value, instruments).forEach(subscriptions::remove);
            case "mode" -> {
                if (!(value instanceof List<?> pair) || pair.size() != 2 || !(pair.get(0) instanceof String mode)) {
                    throw new IllegalArgumentException("Invalid mode message: expected [\"mode\",[tokens]]");
                }
                TickerMode parsedMode;
                try {
                    parsedMode = TickerMode.parse(mode);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Invalid mode: " + mode);
                }
                for (long token : tokens(pair.get(1), instruments)) {
                    subscriptions.put(token, parsedMode);
                    changed.add(token);
                }
            }
            default -> throw new IllegalArgumentException("Unknown action: " + action);
        }
        return changed;
    }

    private static List<Long> tokens(Object value, SandboxInstruments instruments) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("Invalid tokens: expected a list of instrument tokens");
        }
        return list.stream()
                .filter(Number.class::isInstance)
                .map(n -> ((Number) n).longValue())
                .filter(token -> instruments.symbol(token).isPresent())
                .toList();
    }
}
