package com.quantdesk.app.paper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.quantdesk.app.strategies.StrategyFileCompiler;
import com.quantdesk.app.strategies.UserStrategies;
import com.quantdesk.app.strategies.UserStrategy;
import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Paise;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.strategy.StrategyCatalog;
import com.quantdesk.core.strategy.StrategyDescriptor;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code quantdesk.yaml}. Every error names the file and the field (and, for YAML syntax
 * errors, the line); nothing is half-applied: the whole file is valid or nothing starts.
 */
public final class PaperConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The keys a configuration file may have at the top. */
    public static final Set<String> TOP = Set.of("dataDir", "database", "feed", "venue", "accounts", "bots", "kite");
    /** The keys of the {@code feed} section. */
    public static final Set<String> FEED = Set.of("mode", "interval", "seed", "symbols", "holidays", "warmUp");
    /** The keys of the {@code venue} section. */
    public static final Set<String> VENUE = Set.of("ackLatency", "fillLatency", "slippageBps", "volumeParticipation");

    private PaperConfigLoader() {
    }

    /**
     * The configuration a first run uses: demo feed, one ₹10 lakh account, three bots on one-minute
     * bars with short look-backs, so the first orders come within minutes of the start.
     */
    public static PaperConfig demo(Path dataDirectory) {
        List<Symbol> symbols = List.of(Symbol.of("RELIANCE"), Symbol.of("INFY"), Symbol.of("HDFCBANK"),
                Symbol.of("TCS"), Symbol.of("ICICIBANK"));
        AccountId account = AccountId.of("demo");
        return new PaperConfig(dataDirectory, Optional.empty(),
                new PaperConfig.Feed(PaperConfig.FeedMode.DEMO, Duration.ofMillis(500), 42, symbols, List.of()),
                new PaperConfig.Venue(Duration.ofMillis(20), Duration.ofMillis(20), 0, 0.1),
                List.of(new PaperConfig.Account(account, Paise.ofRupees(10_00_000), Map.of())),
                List.of(new PaperConfig.Bot(BotId.of("sma-reliance"), account, "sma-cross",
                                Map.of("fast", "3", "slow", "8", "qty", "10"), List.of(Symbol.of("RELIANCE")),
                                Duration.ofMinutes(1), BotState.RUNNING),
                        new PaperConfig.Bot(BotId.of("rsi-infy"), account, "rsi-reversion",
                                Map.of("period", "5", "oversold", "35", "overbought", "65", "qty", "10"), List.of(Symbol.of("INFY")),
                                Duration.ofMinutes(1), BotState.RUNNING),
                        new PaperConfig.Bot(BotId.of("donchian-banks"), account, "donchian-breakout",
                                Map.of("entry", "10", "exit", "5", "atr", "5", "qty", "5"), List.of(Symbol.of("HDFCBANK"), Symbol.of("ICICIBANK")),
                                Duration.ofMinutes(1), BotState.RUNNING)));
    }

    /**
     * Reads and validates a configuration file.
     *
     * @throws IllegalArgumentException with the file, field and reason
     */
    public static PaperConfig load(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ", line " + e.getLocation().getLineNr() + ": "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        try {
            return parse(root, file.toAbsolutePath().getParent());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The keys {@code file} sets: its top-level keys, and {@code section.key} for those of the
     * {@code feed}, {@code venue} and {@code kite} mappings. Read after {@link #load} accepted the file.
     */
    public static Set<String> keys(Path file) {
        Set<String> keys = new java.util.TreeSet<>();
        try {
            JsonNode root = YAML.readTree(Files.readString(file));
            if (root == null || !root.isObject()) {
                return keys;
            }
            root.fieldNames().forEachRemaining(keys::add);
            for (String section : List.of("feed", "venue", "kite")) {
                JsonNode node = root.get(section);
                if (node != null && node.isObject()) {
                    node.fieldNames().forEachRemaining(key -> keys.add(section + "." + key));
                }
            }
            return keys;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    static PaperConfig parse(JsonNode root, Path base) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a mapping with " + TOP);
        }
        unknownKeys(root, "", TOP);
        Path dataDir = base.resolve(text(root, "dataDir", "quantdesk-data"));
        Optional<String> database = Optional.ofNullable(root.get("database")).filter(n -> !n.isNull())
                .map(JsonNode::asText);
        JsonNode feedNode = object(root, "feed");
        unknownKeys(feedNode, "feed.", FEED);
        PaperConfig.Feed feed = new PaperConfig.Feed(
                enumValue(PaperConfig.FeedMode.class, text(feedNode, "mode", "demo"), "feed.mode"),
                duration(text(feedNode, "interval", "500ms"), "feed.interval"),
                whole(feedNode, "seed", 42, "feed.seed"),
                symbols(feedNode.get("symbols"), "feed.symbols", List.of("RELIANCE", "INFY", "HDFCBANK", "TCS",
                        "ICICIBANK")),
                dates(feedNode.get("holidays"), "feed.holidays"),
                duration(text(feedNode, "warmUp", "1h"), "feed.warmUp"));
        JsonNode venueNode = object(root, "venue");
        unknownKeys(venueNode, "venue.", VENUE);
        PaperConfig.Venue venue = new PaperConfig.Venue(
                duration(text(venueNode, "ackLatency", "20ms"), "venue.ackLatency"),
                duration(text(venueNode, "fillLatency", "20ms"), "venue.fillLatency"),
                (int) whole(venueNode, "slippageBps", 0, "venue.slippageBps"),
                real(venueNode, "volumeParticipation", 0.1, "venue.volumeParticipation"));
        List<PaperConfig.Account> accounts = new ArrayList<>();
        JsonNode accountList = root.get("accounts");
        if (accountList == null || !accountList.isArray() || accountList.isEmpty()) {
            throw new IllegalArgumentException("accounts: a list with at least one account is needed");
        }
        for (int i = 0; i < accountList.size(); i++) {
            accounts.add(account(accountList.get(i), "accounts[" + i + "]"));
        }
        List<PaperConfig.Bot> bots = new ArrayList<>();
        StrategySources strategies = new StrategySources(base);
        JsonNode botList = root.get("bots");
        if (botList != null && !botList.isNull()) {
            if (!botList.isArray()) {
                throw new IllegalArgumentException("bots: expected a list");
            }
            for (int i = 0; i < botList.size(); i++) {
                bots.add(bot(botList.get(i), "bots[" + i + "]", strategies));
            }
        }
        PaperConfig config = new PaperConfig(dataDir, database, feed, venue, accounts, bots);
        try {
            config.strategies();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bots: " + e.getMessage(), e);
        }
        return config;
    }

    private static PaperConfig.Account account(JsonNode node, String path) {
        unknownKeys(node, path + ".", Set.of("id", "capital", "risk"));
        AccountId id = id(() -> AccountId.of(required(node, "id", path)), path + ".id");
        BigDecimal capital;
        try {
            capital = new BigDecimal(text(node, "capital", "1000000"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + ".capital: not a rupee amount");
        }
        Map<String, String> risk = new LinkedHashMap<>();
        JsonNode riskNode = node.get("risk");
        if (riskNode != null && !riskNode.isNull()) {
            if (!riskNode.isObject()) {
                throw new IllegalArgumentException(path + ".risk: expected a mapping of limit keys to values");
            }
            riskNode.fields().forEachRemaining(e -> risk.put(e.getKey(), e.getValue().asText()));
        }
        try {
            com.quantdesk.core.risk.RiskLimits.defaults().with(risk);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ".risk: " + e.getMessage(), e);
        }
        return new PaperConfig.Account(id, Paise.fromRupees(capital), risk);
    }

    private static PaperConfig.Bot bot(JsonNode node, String path, StrategySources strategies) {
        unknownKeys(node, path + ".", Set.of("id", "account", "strategy", "strategyFile", "params", "symbols", "bar",
                "state", "mode"));
        String mode = text(node, "mode", "paper").trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("paper")) {
            throw new IllegalArgumentException(path + ".mode: '" + mode + "' is not available; this process "
                    + "paper-trades only (mode: paper)");
        }
        BotId id = id(() -> BotId.of(required(node, "id", path)), path + ".id");
        AccountId account = id(() -> AccountId.of(required(node, "account", path)), path + ".account");
        Optional<UserStrategy> userStrategy = node.hasNonNull("strategyFile")
                ? Optional.of(strategies.fromFile(text(node, "strategyFile", ""), text(node, "strategy", null), path))
                : strategies.byName(required(node, "strategy", path), path);
        StrategyDescriptor descriptor = userStrategy.map(UserStrategy::descriptor)
                .orElseGet(() -> StrategyCatalog.builtIns().get(text(node, "strategy", "")));
        String strategy = descriptor.name();
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode paramNode = node.get("params");
        if (paramNode != null && !paramNode.isNull()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = paramNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), e.getValue().asText());
            }
        }
        try {
            descriptor.create(params);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ".params: " + e.getMessage(), e);
        }
        return new PaperConfig.Bot(id, account, strategy, params, symbols(node.get("symbols"), path + ".symbols",
                List.of()), barSize(text(node, "bar", "1m"), path + ".bar"),
                botState(text(node, "state", "running"), path + ".state"), userStrategy);
    }

    /**
     * Where a file's bots find strategies not built in: Java files relative to the configuration file,
     * and the jars in the {@code strategies} folder next to it. Each is read once per file.
     */
    private static final class StrategySources {
        private final Path base;
        private final Map<Path, List<UserStrategy>> compiled = new LinkedHashMap<>();
        private List<UserStrategy> jars;

        StrategySources(Path base) {
            this.base = base;
        }

        /** A bot's {@code strategyFile}, and its {@code strategy} when the file declares several. */
        UserStrategy fromFile(String file, String name, String path) {
            List<UserStrategy> declared;
            try {
                declared = compiled.computeIfAbsent(base.resolve(file).normalize(),
                        f -> new StrategyFileCompiler().compile(f));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + ".strategyFile: " + e.getMessage(), e);
            }
            List<String> names = declared.stream().map(UserStrategy::name).toList();
            if (name == null) {
                if (declared.size() > 1) {
                    throw new IllegalArgumentException(path + ".strategy: " + file + " declares several strategies ("
                            + String.join(", ", names) + "); name one");
                }
                return declared.getFirst();
            }
            return declared.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException(path + ".strategy: " + file + " declares no strategy '" + name
                            + "' (it declares " + String.join(", ", names) + ")"));
        }

        /** Empty for a built-in strategy; the jar's strategy otherwise. */
        Optional<UserStrategy> byName(String name, String path) {
            if (StrategyCatalog.builtIns().find(name).isPresent()) {
                return Optional.empty();
            }
            if (jars == null) {
                try {
                    jars = UserStrategies.fromJars(base.resolve(UserStrategies.DEFAULT_DIRECTORY));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(path + ".strategy: " + e.getMessage(), e);
                }
            }
            Optional<UserStrategy> found = jars.stream().filter(s -> s.name().equals(name)).findFirst();
            if (found.isEmpty()) {
                List<String> known = new ArrayList<>(StrategyCatalog.builtIns().all().stream()
                        .map(StrategyDescriptor::name).toList());
                jars.forEach(s -> known.add(s.name()));
                throw new IllegalArgumentException(path + ".strategy: unknown strategy '" + name + "'; available: "
                        + String.join(", ", known) + " (or give a Java file with strategyFile)");
            }
            return found;
        }
    }

    /** A bot's starting state: running, paused or stopped (deleting is not something a file starts with). */
    private static BotState botState(String text, String path) {
        BotState state = switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "running" -> BotState.RUNNING;
            case "paused" -> BotState.PAUSED;
            case "stopped" -> BotState.STOPPED;
            default -> null;
        };
        if (state == null) {
            throw new IllegalArgumentException(path + ": '" + text + "' is not one of [running, paused, stopped]");
        }
        return state;
    }

    private static void unknownKeys(JsonNode node, String prefix, Set<String> known) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new IllegalArgumentException(prefix + key + ": unknown key" + DidYouMean.hint(key, known)
                        + " (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    private static JsonNode object(JsonNode root, String key) {
        JsonNode node = root.get(key);
        if (node == null || node.isNull()) {
            return YAML.createObjectNode();
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException(key + ": expected a mapping");
        }
        return node;
    }

    private static String text(JsonNode node, String key, String fallback) {
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? fallback : value.asText();
    }

    private static String required(JsonNode node, String key, String path) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException(path + "." + key + ": required");
        }
        return value.asText();
    }

    private static long whole(JsonNode node, String key, long fallback, String path) {
        String text = text(node, key, Long.toString(fallback));
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + ": '" + text + "' is not a whole number");
        }
    }

    private static double real(JsonNode node, String key, double fallback, String path) {
        String text = text(node, key, Double.toString(fallback));
        try {
            double value = Double.parseDouble(text.trim());
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(path + ": must be within 0..1, was " + text);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + ": '" + text + "' is not a number");
        }
    }

    private static <T> T id(java.util.function.Supplier<T> make, String path) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    private static List<Symbol> symbols(JsonNode node, String path, List<String> fallback) {
        List<Symbol> symbols = new ArrayList<>();
        if (node == null || node.isNull()) {
            fallback.forEach(s -> symbols.add(Symbol.of(s)));
        } else if (!node.isArray()) {
            throw new IllegalArgumentException(path + ": expected a list of symbols");
        } else {
            for (JsonNode element : node) {
                try {
                    symbols.add(Symbol.of(element.asText()));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
                }
            }
        }
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException(path + ": at least one symbol is needed");
        }
        return symbols;
    }

    private static List<LocalDate> dates(JsonNode node, String path) {
        List<LocalDate> dates = new ArrayList<>();
        if (node != null && !node.isNull()) {
            for (JsonNode element : node) {
                try {
                    dates.add(LocalDate.parse(element.asText()));
                } catch (java.time.format.DateTimeParseException e) {
                    throw new IllegalArgumentException(path + ": '" + element.asText() + "' is not a yyyy-mm-dd date");
                }
            }
        }
        return dates;
    }

    /** Writes a duration the way {@link #duration} reads it ({@code 7d}, {@code 1h}, {@code 90s}, {@code 500ms}). */
    public static String describe(Duration duration) {
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds % 86_400 == 0 && seconds > 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3600 == 0 && seconds > 0) {
            return seconds / 3600 + "h";
        }
        if (seconds % 60 == 0 && seconds > 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    /**
     * Parses a duration: a whole number with a unit ({@code 500ms}, {@code 90s}, {@code 5m}, {@code 36h},
     * {@code 7d}) or ISO-8601 ({@code PT5M}, {@code P1DT2H}). Negative durations are refused.
     *
     * @param path the option or field the text came from, named in the error
     * @throws IllegalArgumentException naming {@code path} when the text is not a duration
     */
    public static Duration duration(String text, String path) {
        Duration parsed = parseDuration(text == null ? "" : text.strip());
        if (parsed == null) {
            throw new IllegalArgumentException(path + ": '" + text + "' is not a duration like 500ms, 90s, 5m, 36h, "
                    + "7d or PT5M");
        }
        if (parsed.isNegative()) {
            throw new IllegalArgumentException(path + ": must not be negative, was " + text);
        }
        return parsed;
    }

    private static Duration parseDuration(String text) {
        if (text.length() > 1 && (text.charAt(0) == 'P' || text.charAt(0) == 'p')) {
            try {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }
        String t = text.toLowerCase(Locale.ROOT);
        int digits = 0;
        while (digits < t.length() && (Character.isDigit(t.charAt(digits)) || (digits == 0 && t.charAt(0) == '-'))) {
            digits++;
        }
        if (digits == 0 || digits == t.length()) {
            return null;
        }
        long amount;
        try {
            amount = Long.parseLong(t.substring(0, digits));
        } catch (NumberFormatException e) {
            return null;
        }
        try {
            return switch (t.substring(digits)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                case "d" -> Duration.ofDays(amount);
                default -> null;
            };
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static Duration barSize(String text, String path) {
        Duration d = duration(text, path);
        Set<Duration> allowed = Set.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15),
                Duration.ofHours(1), Duration.ofDays(1));
        if (!allowed.contains(d)) {
            throw new IllegalArgumentException(path + ": bars are 1m, 5m, 15m, 1h or 1d, not '" + text + "'");
        }
        return d;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String text, String path) {
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": '" + text + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }
}
