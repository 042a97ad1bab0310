package com.quantdesk.app.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for the dashboard's browser tests, driven through the machine's own chromedriver.
 *
 * <p>Start one per test class ({@code @BeforeAll}) and close it in {@code @AfterAll}: a Chrome start
 * costs seconds on a small CI machine. Nothing is ever downloaded: the driver and the browser are
 * given to Selenium by path, so Selenium Manager never runs. Without Chromium or chromedriver,
 * {@link #start()} aborts the test class (skipped, with a boxed message on stderr) instead of failing it.
 *
 * <p>Where they are looked for: {@code QD_CHROMIUM} / {@code QD_CHROMEDRIVER} when set (and then only
 * there), else {@code chromium} / {@code chromedriver} on the {@code PATH}, else the Debian paths.
 */
public final class Browser implements AutoCloseable {

    /** The viewport of a laptop, which the dashboard must fit. */
    public static final int DEFAULT_WIDTH = 1366;
    /** See {@link #DEFAULT_WIDTH}. */
    public static final int DEFAULT_HEIGHT = 900;
    /** How long {@link #waitFor(Function)} waits: generous, since CI shares two cores with other builds. */
    public static final Duration DEFAULT_WAIT = Duration.ofSeconds(15);
    /** Where {@link #screenshot(String)} writes: the module's {@code target/screenshots} (surefire sets basedir). */
    public static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", ""), "target", "screenshots");

    private static final String INSTALL_HINT = "install with apt-get install -y chromium chromium-driver";
    private static final Pattern SCREENSHOT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /** Chromium asks every origin for /favicon.ico on its own; a page that names no icon is not in error. */
    private static final Pattern IMPLICIT_FAVICON = Pattern.compile("^https?://[^/]+/favicon\\.ico - .*");
    /**
     * Selenium's CDP support trails Chromium's releases and warns at every start; these tests use no
     * CDP. Held here because java.util.logging keeps its loggers only weakly.
     */
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");
    private static final List<String> CHROMIUM_NAMES = List.of("chromium", "chromium-browser");
    private static final List<Path> CHROMIUM_PATHS = List.of(Path.of("/usr/bin/chromium"),
            Path.of("/usr/lib/chromium/chromium"));
    private static final List<Path> CHROMEDRIVER_PATHS = List.of(Path.of("/usr/bin/chromedriver"),
            Path.of("/usr/lib/chromium/chromedriver"));

    static {
        // Belt and braces: should anything still reach Selenium Manager, it must neither download nor
        // report usage (it takes its settings from SE_* properties), and the client records no traces.
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("SE_AVOID_STATS", "true");
        System.setProperty("webdriver.remote.enableTracing", "false");
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
    }

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final Thread reaper;
    private boolean closed;

    private Browser(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
        // A JVM that ends without close() (a killed fork, a System.exit) must not leave Chrome behind.
        this.reaper = new Thread(this::quit, "browser-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** A headless Chromium with the viewport {@link #DEFAULT_WIDTH} × {@link #DEFAULT_HEIGHT}. */
    public static Browser start() {
        return start(DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /**
     * A headless Chromium with a viewport of {@code width} × {@code height} CSS pixels, a fresh profile,
     * the Indian English locale and the exchange's time zone (so what a page formats does not depend
     * on the machine), and its console recorded for {@link #consoleErrors()}.
     *
     * @throws org.opentest4j.TestAbortedException when Chromium or chromedriver is not installed
     */
    public static Browser start(int width, int height) {
        Path chromium = locate("Chromium", "QD_CHROMIUM", CHROMIUM_NAMES, CHROMIUM_PATHS);
        Path chromedriver = locate("chromedriver", "QD_CHROMEDRIVER", List.of("chromedriver"), CHROMEDRIVER_PATHS);
        Path profile;
        try {
            profile = Files.createTempDirectory("qd-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", "Asia/Kolkata"))
                .withTimeout(Duration.ofSeconds(60))
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options(chromium, profile, width, height));
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw e;
        }
        Browser browser = new Browser(service, driver, profile);
        try {
            browser.resize(width, height);
            return browser;
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    private static ChromeOptions options(Path chromium, Path profile, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-dev-shm-usage", "--disable-extensions",
                "--disable-sync", "--no-first-run", "--no-default-browser-check", "--lang=en-IN",
                "--force-device-scale-factor=1", "--window-size=" + width + "," + height,
                "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        return options;
    }

    /** The driver, for what this class does not wrap. */
    public WebDriver driver() {
        return driver;
    }

    /** Loads {@code url} and returns when the page has loaded. */
    public void open(URI url) {
        driver.get(url.toString());
    }

    /**
     * Resizes the viewport, what the page's CSS media queries see, to {@code width} × {@code height}
     * CSS pixels (and so the screenshots). Headless Chromium sizes its window with room for a toolbar
     * it does not draw, so the window is grown by what the viewport lacks.
     */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        List<?> inner = (List<?>) driver.executeScript("return [window.innerWidth, window.innerHeight]");
        int missingWidth = width - ((Number) inner.get(0)).intValue();
        int missingHeight = height - ((Number) inner.get(1)).intValue();
        if (missingWidth != 0 || missingHeight != 0) {
            driver.manage().window().setSize(new Dimension(width + missingWidth, height + missingHeight));
        }
    }

    /**
     * Writes what the window shows to {@code target/screenshots/NAME.png} of the module, replacing an
     * older one, and returns that file.
     *
     * @param name letters, digits, '.', '_' and '-': the file name without {@code .png}
     */
    public Path screenshot(String name) {
        if (!SCREENSHOT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("screenshot name must be letters, digits, '.', '_' or '-': " + name);
        }
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(file, png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toAbsolutePath();
    }

    /**
     * The console errors since the last call (or since the start): uncaught exceptions,
     * {@code console.error}, resources that failed to load, Content-Security-Policy violations. Each
     * is its source location and message. Reading the console drains it, warnings included. The
     * browser's own request for {@code /favicon.ico} does not count: a page that wants an icon names
     * one, and a missing named icon does count.
     *
     * <p>Some errors come after the load (a late fetch, an icon): to catch those, wait for what the
     * page does last before asking.
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !IMPLICIT_FAVICON.matcher(message).matches())
                .toList();
    }

    /**
     * Waits up to {@link #DEFAULT_WAIT} until {@code condition} gives something other than null or
     * false, and returns that ({@code ExpectedConditions} has the usual conditions).
     *
     * @throws org.openqa.selenium.TimeoutException when it does not within that time
     */
    public <T> T waitFor(Function<? super WebDriver, T> condition) {
        return waitFor(DEFAULT_WAIT, condition);
    }

    /** {@link #waitFor(Function)} with a timeout of its own. */
    public <T> T waitFor(Duration timeout, Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50)).until(condition);
    }

    /** Closes {@code app} (when it was started), then this browser, even when closing the app fails. */
    public void closeAfter(AutoCloseable app) throws Exception {
        try {
            if (app != null) {
                app.close();
            }
        } finally {
            close();
        }
    }

    /** Quits Chromium and its driver and deletes the profile; the test's outcome does not matter. */
    @Override
    public void close() {
        quit();
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to; it finds the browser closed.
        }
    }

    private synchronized void quit() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            driver.quit();
        } catch (RuntimeException e) {
            System.err.println("Browser: quitting Chromium failed: " + e);
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    /**
     * The executable {@code what}: from the variable {@code env} when set, else the first of
     * {@code names} on the PATH, else the first of {@code fallbacks}; aborts the test class when none is.
     */
    private static Path locate(String what, String env, List<String> names, List<Path> fallbacks) {
        String configured = System.getenv(env);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured.strip());
            if (!Files.isExecutable(path)) {
                skip(what + " not found: " + env + "=" + configured + " is not an executable file");
            }
            return path;
        }
        Optional<Path> found = Stream.concat(onPath(names), fallbacks.stream())
                .filter(path -> Files.isRegularFile(path) && Files.isExecutable(path))
                .findFirst();
        if (found.isEmpty()) {
            skip(what + " not found (" + env + ", PATH " + names + ", " + fallbacks + ")");
        }
        return found.get();
    }

    private static Stream<Path> onPath(List<String> names) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Pattern.compile(Pattern.quote(File.pathSeparator)).splitAsStream(path)
                .filter(dir -> !dir.isEmpty())
                .flatMap(dir -> names.stream().map(name -> Path.of(dir, name)));
    }

    /** Aborts the test class, with a message in CI's log that nobody can miss. */
    private static void skip(String why) {
        List<String> lines = List.of("BROWSER TESTS SKIPPED: chromium/chromedriver not found", why, INSTALL_HINT);
        int width = lines.stream().mapToInt(String::length).max().orElse(0);
        String rule = "*".repeat(width + 4);
        StringBuilder box = new StringBuilder("\n").append(rule).append('\n');
        lines.forEach(line -> box.append("* ").append(line).append(" ".repeat(width - line.length())).append(" *\n"));
        System.err.println(box.append(rule));
        Assumptions.abort("BROWSER TESTS SKIPPED: " + why + "; " + INSTALL_HINT);
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Browser: could not delete the profile " + root + ": " + e);
        }
    }
}
