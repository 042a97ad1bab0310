package com.quantdesk.app.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.quantdesk.app.paper.PaperConfigLoader;
import com.quantdesk.kite.rest.KiteConfig;
import com.quantdesk.kite.ticker.TickerConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code kite:} section of {@code quantdesk.yaml}, with the environment's word last: where Kite
 * is ({@code apiUrl}, {@code tickerUrl}, {@code loginUrl}; Zerodha's by default, a sandbox's to
 * rehearse), the app's key, its secret (environment only: {@code KITE_API_SECRET}), the exchange's
 * algo id, the market protection of MARKET and SL-M orders, and how often to reconcile.
 *
 * @param apiUrl           REST root ({@code kite.apiUrl}, {@code KITE_API_URL})
 * @param tickerUrl        ticker root ({@code kite.tickerUrl}, {@code KITE_TICKER_URL})
 * @param loginUrl         login page ({@code kite.loginUrl}, {@code KITE_LOGIN_URL})
 * @param apiKey           the app's api key ({@code kite.apiKey}, {@code KITE_API_KEY})
 * @param apiSecret        the app's api secret ({@code KITE_API_SECRET}), empty if not set
 * @param algoId           exchange algo id sent on every order ({@code kite.algoId}, {@code KITE_ALGO_ID})
 * @param marketProtection {@code kite.marketProtection}: -1 (automatic) or 1–100 %
 * @param reconcileEvery   {@code kite.reconcileEvery}: time between reconciliations (default 30 s)
 */
public record KiteSettings(URI apiUrl, URI tickerUrl, URI loginUrl, String apiKey, String apiSecret,
                           Optional<String> algoId, int marketProtection, Duration reconcileEvery) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The keys of the {@code kite} section of the configuration file. */
    public static final Set<String> KEYS = Set.of("apiUrl", "tickerUrl", "loginUrl", "apiKey", "algoId",
            "marketProtection", "reconcileEvery");

    /**
     * Reads the settings from {@code file}'s {@code kite:} section (if a file is given) and {@code env}.
     *
     * @throws IllegalArgumentException naming the file and key, or the variable, of a bad value
     */
    public static KiteSettings load(Path file, Map<String, String> env) {
        JsonNode kite = YAML.createObjectNode();
        String where = "kite.";
        if (file != null) {
            try {
                JsonNode root = YAML.readTree(Files.readString(file));
                if (root != null && root.has("kite")) {
                    kite = root.get("kite");
                }
            } catch (IOException e) {
                throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
            }
            where = file + ": kite.";
            if (!kite.isObject()) {
                throw new IllegalArgumentException(file + ": kite: must be a mapping");
            }
        }
        for (Iterator<String> names = kite.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new IllegalArgumentException(where + name + ": unknown key"
                        + com.quantdesk.app.paper.DidYouMean.hint(name, KEYS) + " (known: "
                        + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
            }
        }
        URI api = url(pick(env, "KITE_API_URL", kite, "apiUrl", KiteConfig.DEFAULT_API_ROOT.toString()), where,
                "apiUrl", "KITE_API_URL", Set.of("http", "https"));
        URI ticker = url(pick(env, "KITE_TICKER_URL", kite, "tickerUrl", TickerConfig.ZERODHA.toString()), where,
                "tickerUrl", "KITE_TICKER_URL", Set.of("ws", "wss"));
        URI login = url(pick(env, "KITE_LOGIN_URL", kite, "loginUrl", KiteConfig.DEFAULT_LOGIN_URL.toString()), where,
                "loginUrl", "KITE_LOGIN_URL", Set.of("http", "https"));
        String apiKey = pick(env, "KITE_API_KEY", kite, "apiKey", "").strip();
        String secret = Optional.ofNullable(env.get("KITE_API_SECRET")).orElse("").strip();
        Optional<String> algoId = Optional.of(pick(env, "KITE_ALGO_ID", kite, "algoId", "").strip())
                .filter(s -> !s.isEmpty());
        int protection = kite.has("marketProtection") ? kite.get("marketProtection").asInt(0) : -1;
        if (protection != -1 && (protection < 1 || protection > 100)) {
            throw new IllegalArgumentException(where + "marketProtection: must be -1 (automatic) or 1-100, was "
                    + kite.get("marketProtection").asText());
        }
        Duration reconcile = kite.has("reconcileEvery")
                ? PaperConfigLoader.duration(kite.get("reconcileEvery").asText(), where + "reconcileEvery")
                : Duration.ofSeconds(30);
        if (reconcile.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new IllegalArgumentException(where + "reconcileEvery: must be at least 5s (Kite's read limits)");
        }
        return new KiteSettings(api, ticker, login, apiKey, secret, algoId, protection, reconcile);
    }

    @Override
    public String toString() {
        return "KiteSettings[apiUrl=" + apiUrl + ", tickerUrl=" + tickerUrl + ", loginUrl=" + loginUrl + ", apiKey="
                + apiKey + ", apiSecret=" + (apiSecret.isEmpty() ? "(not set)" : "***") + ", algoId="
                + algoId.orElse("-") + ", marketProtection=" + marketProtection + ", reconcileEvery=" + reconcileEvery
                + "]";
    }

    /** The REST client's settings; needs the api key (and the secret, to log in). */
    public KiteConfig clientConfig() {
        if (apiKey.isEmpty()) {
            throw new IllegalArgumentException("kite.apiKey: not set (or set KITE_API_KEY)");
        }
        KiteConfig config = new KiteConfig(apiUrl, loginUrl, apiKey, apiSecret.isEmpty() ? "-" : apiSecret,
                Optional.empty(), KiteConfig.DEFAULT_CONNECT_TIMEOUT, KiteConfig.DEFAULT_REQUEST_TIMEOUT);
        return algoId.map(config::withAlgoId).orElse(config);
    }

    /** The secret, which logging in and verifying postbacks need. */
    public String requireSecret() {
        if (apiSecret.isEmpty()) {
            throw new IllegalArgumentException("KITE_API_SECRET: not set; the app's api secret is read from the "
                    + "environment only");
        }
        return apiSecret;
    }

    private static String pick(Map<String, String> env, String variable, JsonNode kite, String key, String fallback) {
        String fromEnv = env.get(variable);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.strip();
        }
        return kite.has(key) ? kite.get(key).asText() : fallback;
    }

    private static URI url(String text, String where, String key, String variable, Set<String> schemes) {
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null || !schemes.contains(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException(where + key + " (or " + variable + "): '" + text + "' is not a "
                        + String.join("/", new java.util.TreeSet<>(schemes)) + " URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(where + key + " (or " + variable + "): '" + text + "' is not a URL");
        }
    }
}
