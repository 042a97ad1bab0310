package com.quantdesk.bench.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantdesk.bench.api.ApiClient;
import com.quantdesk.bench.api.ApiLoad;
import com.quantdesk.bench.api.ApiProcess;
import com.quantdesk.sim.data.InstrumentMaster;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * Whether the web dashboard keeps up with hundreds of quotes a second without the page lagging.
 *
 * <p>Starts {@code quantdesk paper} with the demo feed over every NIFTY 50 symbol at an accelerated
 * clock, signs a trader in through the page in a headless Chromium, and records inside the page, for
 * a window on the Market screen and then on Positions (after buying in {@code --positions} symbols):
 * quotes received per second, the interval between animation frames, long tasks, and the mutations
 * of the screen's table, to show that rows are changed in place rather than drawn again. The page is
 * instrumented by a script evaluated before its own ({@code probe.js}); the dashboard is not changed.
 * A second stream client outside the browser counts the quotes the server sent.
 */
public final class DashboardLoad {

    private static final String TRADER = "desk-trader";
    private static final String ACCOUNT = "bench";
    private static final String WATCHLIST = "table[aria-label=watchlist] tbody";
    private static final String POSITIONS = "table[aria-label=positions] tbody";
    private static final Duration PAGE_WAIT = Duration.ofSeconds(60);
    /** The API's limits raised as the API harnesses raise them, and the per-account order limit. */
    private static final List<String> LIMITS = Stream.concat(ApiLoad.RAISED.stream(), Stream.of("orders=1000/s"))
            .toList();
    /** CPU of other processes (cores) above which a window is flagged as measured on a busy machine. */
    private static final double BUSY_OTHERS = 0.3;
    /** Share of the symbols that trade at a quiet step of the synthetic feed (at the session's edges: all). */
    private static final double QUIET_SHARE = 0.5;

    private DashboardLoad() {
    }

    /** The harness's settings. */
    record Options(Path jar, Path dir, double speed, Duration interval, Duration duration, Duration settle,
                   int positions, boolean mutations, Path results, Path chromium, Path chromedriver, int width,
                   int height, List<String> jvm) {

        static Options parse(String[] args) throws IOException {
            Map<String, String> o = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i += 2) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new IllegalArgumentException("expected --option value, got " + args[i]);
                }
                o.put(args[i].substring(2), args[i + 1]);
            }
            Options options = new Options(Path.of(o.getOrDefault("jar", "app/target/quantdesk.jar")),
                    o.containsKey("dir") ? Path.of(o.get("dir")) : Files.createTempDirectory("quantdesk-dashboard"),
                    Double.parseDouble(o.getOrDefault("speed", "10")), ApiLoad.duration(o, "interval", "500ms"),
                    ApiLoad.duration(o, "duration", "30s"), ApiLoad.duration(o, "settle", "5s"),
                    Integer.parseInt(o.getOrDefault("positions", "50")), on(o.getOrDefault("mutations", "on")),
                    Path.of(o.getOrDefault("results", "bench/target/dashboard-results.json")),
                    Path.of(o.getOrDefault("chromium", "/usr/bin/chromium")),
                    Path.of(o.getOrDefault("chromedriver", "/usr/bin/chromedriver")),
                    Integer.parseInt(o.getOrDefault("width", "1440")),
                    Integer.parseInt(o.getOrDefault("height", "900")),
                    o.containsKey("jvm") ? List.of(o.get("jvm").trim().split("\\s+")) : List.of());
            if (options.positions < 1 || options.positions > 50) {
                throw new IllegalArgumentException("--positions: 1 to 50 symbols, was " + options.positions);
            }
            return options;
        }

        private static boolean on(String text) {
            return switch (text) {
                case "on" -> true;
                case "off" -> false;
                default -> throw new IllegalArgumentException("--mutations: on or off, was " + text);
            };
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println("""
                    usage: DashboardLoad [--speed 10] [--interval 500ms] [--duration 30s] [--settle 5s] [--positions 50] [--mutations on|off]
                                         [--results bench/target/dashboard-results.json] [--width 1440] [--height 900]
                                         [--chromium /usr/bin/chromium] [--chromedriver /usr/bin/chromedriver]
                                         [--jar app/target/quantdesk.jar] [--dir <work directory>] [--jvm "<server JVM options>"]
                    The demo feed ticks every NIFTY 50 symbol; at each step (--interval of paper time, --speed paper
                    seconds per real second) a symbol trades with probability 0.5, up to 1 near the session's open
                    and close: about 50 x speed / interval(s) x 0.5 to 1 quotes/s.""");
            return;
        }
        Options options = Options.parse(args);
        List<String> symbols = InstrumentMaster.nifty50().all().stream().map(i -> i.symbol().value()).toList();
        Map<String, Object> machine = DashboardReport.machine();
        announce(options, symbols, machine);
        Run run = run(options, symbols);
        machine.put("loadAverageAfter", DashboardReport.loadAverage());
        machine.put("chromium", run.chromium());
        DashboardReport.print(run.screens());
        DashboardReport.write(options, symbols.size(), expectedQuotesPerSecond(options, symbols.size()), machine,
                run.screens());
    }

    /** What a run measured, and in which browser. */
    private record Run(String chromium, List<ScreenFigures> screens) {
    }

    /** The least and the most quotes per second the feed sends: quiet steps, and the session's edges. */
    private static List<Double> expectedQuotesPerSecond(Options options, int symbols) {
        double all = symbols * options.speed() / (options.interval().toNanos() / 1e9);
        return List.of(all * QUIET_SHARE, all);
    }

    private static void announce(Options options, List<String> symbols, Map<String, Object> machine)
            throws IOException {
        System.out.printf(Locale.ROOT, "machine: %d cores, %s, Java %s, load average %s%n", machine.get("cores"),
                machine.get("os"), machine.get("java"), machine.get("loadAverageBefore"));
        List<Double> expected = expectedQuotesPerSecond(options, symbols.size());
        System.out.printf(Locale.ROOT, "feed: demo, %d symbols, a step every %s of paper time at --speed %s: "
                + "%.0f to %.0f quotes/s expected (%.1f symbols a step quiet, all at the session's edges)%n",
                symbols.size(), text(options.interval()), options.speed(), expected.get(0), expected.get(1),
                symbols.size() * QUIET_SHARE);
        System.out.println("dashboard: " + DashboardReport.dashboardFingerprint(options.jar()) + " in " + options.jar());
        System.out.println("rate limits raised: " + LIMITS);
        System.out.println("work directory: " + options.dir().toAbsolutePath() + " (the server's output in paper.log)");
    }

    /** Starts the server and the browser, signs in, and measures Market, then Positions. */
    private static Run run(Options options, List<String> symbols) throws Exception {
        try (ApiProcess server = ApiProcess.launch(options.jar(), options.dir(), configuration(symbols, options),
                List.of("--speed", Double.toString(options.speed())), LIMITS, options.jvm())) {
            ApiClient api = new ApiClient(server.base());
            String admin = api.admin();
            api.createTrader(admin, TRADER, ACCOUNT);
            String trader = api.login(TRADER);
            try (QuoteTap tap = QuoteTap.open(server.base(), trader, symbols);
                 HeadlessChromium browser = HeadlessChromium.start(options.chromium(), options.chromedriver(),
                         options.width(), options.height(), probe())) {
                String chromium = browser.driver().getCapabilities().getBrowserVersion();
                System.out.println("browser: Chromium " + chromium + " headless, " + options.width() + "x"
                        + options.height() + "; server " + server.base());
                signIn(browser, server.base());
                List<ScreenFigures> screens = new ArrayList<>();

                open(browser, "market");
                browser.waitFor(PAGE_WAIT, d -> rows(browser, WATCHLIST) >= symbols.size());
                screens.add(measure(browser, tap, server, api, trader, "market", WATCHLIST, options));

                placeOrders(api, trader, symbols.subList(0, options.positions()));
                open(browser, "positions");
                browser.waitFor(PAGE_WAIT, d -> rows(browser, POSITIONS) >= options.positions());
                screens.add(measure(browser, tap, server, api, trader, "positions", POSITIONS, options));
                if (tap.closed() != null) {
                    System.out.println("! the reference stream client was disconnected: " + tap.closed());
                }
                return new Run(chromium, screens);
            }
        }
    }

    private static String configuration(List<String> symbols, Options options) {
        return "feed: {mode: demo, interval: " + text(options.interval()) + ", symbols: [" + String.join(", ", symbols)
                + "]}\n"
                + "venue: {ackLatency: 20ms, fillLatency: 20ms}\n"
                + "accounts:\n"
                // A position in every symbol: past the default of 25 open positions.
                + "  - {id: " + ACCOUNT + ", capital: 1000000000, risk: "
                + ApiProcess.WIDE_RISK.replaceFirst("}$", ", maxOpenPositions: 100}") + "}\n"
                + "bots: []\n";
    }

    private static String probe() throws IOException {
        try (InputStream in = DashboardLoad.class.getResourceAsStream("probe.js")) {
            if (in == null) {
                throw new IllegalStateException("probe.js is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Signs the trader in through the page's form, as a user would, and waits for the live stream. */
    private static void signIn(HeadlessChromium browser, URI base) {
        browser.driver().get(base.resolve("/").toString());
        if (!"object".equals(browser.script("return typeof window.__qdProbe"))) {
            throw new IllegalStateException("the probe is not in the page: DevTools did not evaluate it first");
        }
        WebElement form = browser.waitFor(PAGE_WAIT, ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[aria-label='sign in']")));
        form.findElement(By.name("username")).sendKeys(TRADER);
        form.findElement(By.name("password")).sendKeys(ApiClient.PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitFor(PAGE_WAIT, ExpectedConditions.attributeToBe(By.cssSelector(".conn"), "data-state", "live"));
    }

    private static void open(HeadlessChromium browser, String screen) {
        browser.script("location.hash = arguments[0]", "#/" + screen);
        browser.waitFor(PAGE_WAIT, ExpectedConditions.attributeToBe(By.id("view"), "data-screen", screen));
    }

    private static long rows(HeadlessChromium browser, String tbody) {
        return ((Number) browser.script("return document.querySelectorAll(arguments[0] + ' tr[data-key]').length",
                tbody)).longValue();
    }

    /** A MARKET BUY in each symbol, then waits until the account holds a position in every one. */
    private static void placeOrders(ApiClient api, String trader, List<String> symbols) {
        for (String symbol : symbols) {
            ApiClient.require(api.call("POST", "/api/v1/orders", trader, Map.of("account", ACCOUNT, "symbol", symbol,
                    "side", "BUY", "quantity", 10, "tag", "dashboard"), Map.of()), 201);
        }
        int held = new FluentWait<>(api).withTimeout(PAGE_WAIT).pollingEvery(Duration.ofMillis(250))
                .withMessage("positions in " + symbols)
                .until(c -> {
                    int n = c.call("GET", "/api/v1/positions?account=" + ACCOUNT, trader, null, Map.of()).json()
                            .path("items").size();
                    return n >= symbols.size() ? n : null;
                });
        System.out.printf("placed a MARKET BUY of 10 in %d symbols; the account holds %d positions%n", symbols.size(),
                held);
    }

    /** Lets the screen settle, then records one window. */
    private static ScreenFigures measure(HeadlessChromium browser, QuoteTap tap, ApiProcess server, ApiClient api,
                                         String trader, String screen, String tbody, Options options)
            throws InterruptedException {
        Thread.sleep(options.settle().toMillis());
        List<String> earlier = browser.consoleErrors();
        if (!earlier.isEmpty()) {
            System.out.println("console errors before the " + screen + " window: " + earlier);
        }
        System.out.printf("%s: measuring %s (paper time %s)%n", screen, text(options.duration()),
                paperTime(api, trader));
        CpuUse.Snapshot before = CpuUse.snapshot();
        long tapBefore = tap.quotes();
        browser.script("window.__qdProbe.start(arguments[0], '#view', arguments[1])", tbody, options.mutations());
        Thread.sleep(options.duration().toMillis());
        @SuppressWarnings("unchecked")
        Map<String, Object> probe = (Map<String, Object>) browser.script("return window.__qdProbe.stop()");
        long tapQuotes = tap.quotes() - tapBefore;
        CpuUse cpu = CpuUse.between(before, CpuUse.snapshot(), server.handle());
        if (cpu.others() > BUSY_OTHERS) {
            System.out.printf(Locale.ROOT, "! other processes used %.2f cores during the %s window: the machine was "
                    + "not this run's alone%n", cpu.others(), screen);
        }
        return ScreenFigures.of(screen, probe, tapQuotes, cpu, browser.consoleErrors());
    }

    /** The latest quote's time, which is the paper clock's time (the feed is synthetic). */
    private static String paperTime(ApiClient api, String trader) {
        Instant latest = Instant.EPOCH;
        for (JsonNode quote : api.call("GET", "/api/v1/quotes", trader, null, Map.of()).json().path("items")) {
            Instant time = Instant.parse(quote.path("time").asText());
            latest = time.isAfter(latest) ? time : latest;
        }
        return latest.atZone(ZoneId.of("Asia/Kolkata")).toLocalTime().withNano(0) + " IST";
    }

    /** {@code 500ms}, {@code 30s}. */
    static String text(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }
}
