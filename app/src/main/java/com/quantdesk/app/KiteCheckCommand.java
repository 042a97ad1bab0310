package com.quantdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.quantdesk.kite.rest.CandleInterval;
import com.quantdesk.kite.rest.InstrumentKey;
import com.quantdesk.kite.rest.KiteClient;
import com.quantdesk.kite.rest.KiteConfig;
import com.quantdesk.kite.rest.KiteInstrument;
import com.quantdesk.kite.rest.KiteOrderId;
import com.quantdesk.kite.rest.KiteResilience;
import com.quantdesk.kite.rest.KiteSession;
import com.quantdesk.kite.rest.KiteTransport;
import com.quantdesk.kite.rest.Sleeper;
import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quantdesk kite check}: calls every read endpoint once and prints what came back. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Call the Kite Connect read endpoints once each (profile, margins, orders, trades, positions, "
                + "holdings, quote, ltp, ohlc, instruments, historical) and print one JSON document of the parsed "
                + "values on standard output: numbers as numbers, money and prices in rupees, times in ISO-8601 "
                + "with the India offset (+05:30); for the NSE instrument list only its count and first "
                + "instrument; historical is one day of 5-minute candles of the symbol (the last weekday before "
                + "today in India). An endpoint that failed is null in the document.",
                "Then, on standard error, one line per endpoint: 'ENDPOINT: ok' or 'ENDPOINT: ErrorClass: message' "
                + "(the typed KiteException). historical needs the symbol's token from the instrument list: when that "
                + "failed it is not called and its line says why.",
                "Credentials: with --account, the account's stored login; else the environment's KITE_API_KEY and "
                + "KITE_ACCESS_TOKEN (both required). "
                + "Exit code 0 when every endpoint answered, 1 when any failed, 2 when a variable is missing."})
final class KiteCheckCommand implements Callable<Integer> {

    /** Where the environment is read from; tests replace it. */
    static Function<String, String> env = SecretEnvironment.process();
    /** The clock that decides which day's candles are asked for; tests may replace it. */
    static InstantSource clock = InstantSource.system();

    private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Long record components that hold paise, printed as rupees. */
    private static final Set<String> MONEY = Set.of("net", "cash", "openingBalance", "liveBalance", "collateral",
            "intradayPayin", "adhocMargin", "debits", "exposure", "span", "optionPremium", "m2mRealised",
            "m2mUnrealised", "price", "triggerPrice", "averagePrice", "lastPrice", "closePrice", "value", "pnl", "m2m",
            "unrealised", "realised", "buyPrice", "buyValue", "sellPrice", "sellValue", "dayChange", "netChange",
            "lowerCircuitLimit", "upperCircuitLimit", "open", "high", "low", "close", "strike", "tickSize");
    // Each endpoint is called once: a breaker opening part-way would hide the real errors.
    private static final KiteResilience RESILIENCE = new KiteResilience(3, Duration.ofMillis(200),
            Duration.ofSeconds(2), Integer.MAX_VALUE, Duration.ofSeconds(30), Duration.ofSeconds(3),
            Duration.ofSeconds(1));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--api-url", paramLabel = "URL",
            description = "REST root (default: KITE_API_URL, else " + "https://api.kite.trade).")
    String apiUrl;

    @CommandLine.Mixin
    KiteAccountOptions options;

    @Option(names = "--account", paramLabel = "NAME",
            description = "Check with this account's stored login (quantdesk kite login) and the configuration's "
                    + "kite.apiUrl, instead of KITE_API_KEY and KITE_ACCESS_TOKEN.")
    String account;

    @Option(names = "--symbol", paramLabel = "SYMBOL", defaultValue = "INFY",
            description = "NSE symbol for quote, ltp, ohlc and historical (default: ${DEFAULT-VALUE}).")
    String symbol;

    private final Map<String, String> results = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        String apiKey;
        String accessToken;
        String root;
        if (account != null) {
            var settings = options.settings(env);
            var id = KiteAccountOptions.account(account);
            try (var store = options.openStore(env)) {
                var login = KiteAccountOptions.sessions(store, env).load(id).orElseThrow(() -> new UsageException(
                        "--account: no Kite login stored for " + id + ": run 'quantdesk kite login --account " + id
                                + "'"));
                apiKey = login.apiKey();
                accessToken = login.session().accessToken();
            } catch (IllegalStateException e) {
                throw new UsageException("--account: " + e.getMessage(), e);
            }
            root = apiUrl != null ? apiUrl : settings.apiUrl().toString();
        } else {
            apiKey = required("KITE_API_KEY");
            accessToken = required("KITE_ACCESS_TOKEN");
            root = apiUrl != null ? apiUrl : Optional.ofNullable(env.apply("KITE_API_URL"))
                    .filter(s -> !s.isBlank()).orElse(KiteConfig.DEFAULT_API_ROOT.toString());
        }
        URI rootUri;
        try {
            rootUri = URI.create(root);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--api-url: " + root + " is not a URL");
        }
        if (rootUri.getScheme() == null || rootUri.getHost() == null) {
            throw new UsageException("--api-url: " + root + " is not an http(s) URL");
        }
        InstrumentKey key = InstrumentKey.nse(symbol);
        // The secret is only needed to log in; a check starts from an access token.
        KiteConfig config = new KiteConfig(rootUri, KiteConfig.DEFAULT_LOGIN_URL, apiKey, "unused", Optional.empty(),
                KiteConfig.DEFAULT_CONNECT_TIMEOUT, KiteConfig.DEFAULT_REQUEST_TIMEOUT);
        ObjectNode doc = JSON.createObjectNode();
        doc.put("api_url", config.apiRoot().toString());
        doc.put("symbol", key.toString());
        try (KiteTransport transport = new KiteTransport(config, RESILIENCE, InstantSource.system(), Sleeper.SYSTEM,
                new SplittableRandom())) {
            KiteClient client = new KiteClient(transport, new KiteSession(accessToken, "", Instant.EPOCH));
            List<InstrumentKey> one = List.of(key);
            doc.set("profile", call("profile", client::profile));
            doc.set("margins", call("margins", client::margins));
            doc.set("orders", call("orders", client::orders));
            doc.set("trades", call("trades", client::trades));
            doc.set("positions", call("positions", client::positions));
            doc.set("holdings", call("holdings", client::holdings));
            doc.set("quote", call("quote", () -> client.quote(one)));
            doc.set("ltp", call("ltp", () -> client.ltp(one)));
            doc.set("ohlc", call("ohlc", () -> client.ohlc(one)));
            List<KiteInstrument> instruments = new ArrayList<>();
            doc.set("instruments", call("instruments", () -> {
                instruments.addAll(client.instruments("NSE"));
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("exchange", "NSE");
                summary.put("count", instruments.size());
                summary.put("first", instruments.isEmpty() ? null : instruments.getFirst());
                return summary;
            }));
            doc.set("historical", historical(client, instruments));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(JSON.writeValueAsString(doc));
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        results.forEach((endpoint, result) -> err.println(endpoint + ": " + result));
        err.flush();
        return results.values().stream().allMatch("ok"::equals) ? QuantdeskCommand.OK : QuantdeskCommand.FAILURE;
    }

    private JsonNode historical(KiteClient client, List<KiteInstrument> instruments) {
        if (!"ok".equals(results.get("instruments"))) {
            results.put("historical", "not called: no instrument token, instruments failed with "
                    + results.get("instruments"));
            return JSON.nullNode();
        }
        Optional<KiteInstrument> instrument = instruments.stream()
                .filter(i -> i.tradingsymbol().equals(symbol)).findFirst();
        if (instrument.isEmpty()) {
            results.put("historical", "not called: " + symbol + " is not in the NSE instrument list");
            return JSON.nullNode();
        }
        LocalDate day = LocalDate.ofInstant(clock.instant(), INDIA).minusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.minusDays(1);
        }
        long token = instrument.get().instrumentToken();
        Instant from = day.atTime(LocalTime.of(9, 15)).atZone(INDIA).toInstant();
        Instant to = day.atTime(LocalTime.of(15, 30)).atZone(INDIA).toInstant();
        LocalDate asked = day;
        return call("historical", () -> {
            Map<String, Object> candles = new LinkedHashMap<>();
            candles.put("instrument_token", token);
            candles.put("interval", CandleInterval.FIVE_MINUTE.wireName());
            candles.put("day", asked);
            candles.put("candles", client.historical(token, CandleInterval.FIVE_MINUTE, from, to, false, false));
            return candles;
        });
    }

    private String required(String name) {
        String value = env.apply(name);
        if (value == null || value.isBlank()) {
            throw new UsageException(name + " is not set: kite check needs KITE_API_KEY and KITE_ACCESS_TOKEN");
        }
        return value;
    }

    private JsonNode call(String endpoint, Supplier<?> endpointCall) {
        try {
            JsonNode value = json(endpointCall.get(), false);
            results.put(endpoint, "ok");
            return value;
        } catch (RuntimeException e) {
            results.put(endpoint, e.getClass().getSimpleName() + ": " + e.getMessage());
            return JSON.nullNode();
        }
    }

    /** A parsed value as JSON: records by component (snake_case), paise as rupees, instants in IST. */
    static JsonNode json(Object value, boolean money) {
        return switch (value) {
            case null -> JSON.nullNode();
            case Optional<?> o -> json(o.orElse(null), money);
            case KiteOrderId id -> JSON.getNodeFactory().textNode(id.value());
            case Instant t -> JSON.getNodeFactory().textNode(ISO.format(t.atZone(INDIA).toOffsetDateTime()));
            case Long l when money -> JSON.getNodeFactory().numberNode(l / 100.0);
            case Integer i when money -> JSON.getNodeFactory().numberNode(i / 100.0);
            case Number n -> JSON.valueToTree(n);
            case Boolean b -> JSON.getNodeFactory().booleanNode(b);
            case Enum<?> e -> JSON.getNodeFactory().textNode(e.name());
            case Map<?, ?> m -> {
                ObjectNode node = JSON.createObjectNode();
                m.forEach((k, v) -> node.set(String.valueOf(k), json(v, false)));
                yield node;
            }
            case Collection<?> c -> {
                ArrayNode array = JSON.createArrayNode();
                c.forEach(v -> array.add(json(v, money)));
                yield array;
            }
            case Record r -> {
                ObjectNode node = JSON.createObjectNode();
                for (RecordComponent component : r.getClass().getRecordComponents()) {
                    Object field;
                    try {
                        field = component.getAccessor().invoke(r);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                    node.set(snake(component.getName()), json(field, MONEY.contains(component.getName())));
                }
                yield node;
            }
            default -> JSON.getNodeFactory().textNode(value.toString());
        };
    }

    private static String snake(String name) {
        StringBuilder out = new StringBuilder();
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
