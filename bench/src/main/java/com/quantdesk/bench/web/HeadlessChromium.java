package com.quantdesk.bench.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through the machine's chromedriver, both given by path so that Selenium
 * Manager never runs (and never downloads), with a script evaluated in every new document before
 * the page's own (DevTools' {@code Page.addScriptToEvaluateOnNewDocument}, which the page's
 * Content-Security-Policy does not govern).
 */
final class HeadlessChromium implements AutoCloseable {

    /**
     * Selenium's CDP support trails Chromium's releases and warns at every start; the harness sends
     * raw CDP commands through chromedriver and needs none of it. Held here because java.util.logging
     * keeps its loggers only weakly.
     */
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        // Should anything still reach Selenium Manager, it must neither download nor report usage.
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

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
        // A run stopped with Ctrl-C must not leave Chromium busy on a shared machine.
        this.reaper = new Thread(this::quit, "chromium-reaper");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /**
     * Starts Chromium with a fresh profile and a {@code width} × {@code height} window, and registers
     * {@code script} for every document it loads from now on.
     */
    static HeadlessChromium start(Path chromium, Path chromedriver, int width, int height, String script)
            throws IOException {
        for (Path executable : List.of(chromium, chromedriver)) {
            if (!Files.isExecutable(executable)) {
                throw new IllegalArgumentException(executable + " is not an executable file "
                        + "(apt-get install -y chromium chromium-driver; or --chromium / --chromedriver)");
            }
        }
        Path profile = Files.createTempDirectory("qd-bench-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withEnvironment(Map.of("TZ", "Asia/Kolkata"))
                .withTimeout(Duration.ofSeconds(60))
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-dev-shm-usage", "--disable-extensions", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--lang=en-IN", "--force-device-scale-factor=1",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw e;
        }
        HeadlessChromium browser = new HeadlessChromium(service, driver, profile);
        try {
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", script));
            return browser;
        } catch (RuntimeException e) {
            browser.close();
            throw e;
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Runs {@code script} in the page (as a function body: {@code return} gives its value). */
    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    /** Waits up to {@code timeout} until {@code condition} gives something other than null or false. */
    <T> T waitFor(Duration timeout, Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(condition);
    }

    /** The console's errors since the last call: uncaught exceptions, console.error, failed loads. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("/favicon.ico"))
                .toList();
    }

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
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete the browser profile " + root + ": " + e);
        }
    }
}
