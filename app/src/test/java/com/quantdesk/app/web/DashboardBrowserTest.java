package com.quantdesk.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quantdesk.app.api.ApiTests;
import com.quantdesk.server.auth.Totp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard driven in a real Chromium against the real application: signing in, live prices,
 * orders, fills and positions, bots, a backtest, the kill switch, what a VIEWER may not do, the
 * phone layout, and the recovery of the page when the server comes back. Every screen is written
 * to {@code target/screenshots/} for review. The tests run in order on one browser.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final String PASSWORD = ApiTests.PASSWORD;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration SLOW = Duration.ofSeconds(40);
    private static final Map<String, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Duration TOTP_STEP = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    static Browser browser;
    static PaperApp app;
    static String adminSecret;
    static String adminToken;
    /** The time step of the last one-time code the administrator used: a code is good once. */
    static long adminLastStep;

    @BeforeAll
    static void start() {
        // The browser first: without one the class is skipped before the application starts.
        browser = Browser.start(1440, 900);
        app = PaperApp.start(dir, ApiTests.syntheticData());
        String enrolling = text(api("POST", "/api/v1/auth/login", null, Map.of("username", "admin",
                "password", PaperApp.ADMIN_PASSWORD)), "accessToken");
        adminSecret = text(api("POST", "/api/v1/auth/totp/enrol", enrolling, Map.of()), "secret");
        Instant confirmed = Instant.now();
        api("POST", "/api/v1/auth/totp/confirm", enrolling, Map.of("code", code(confirmed)));
        adminLastStep = step(confirmed);
        adminToken = text(api("POST", "/api/v1/auth/login", null, Map.of("username", "admin", "password",
                PaperApp.ADMIN_PASSWORD, "totp", nextAdminCode())), "accessToken");
        user("trader", List.of("TRADER", "VIEWER"));
        user("risk", List.of("RISK", "VIEWER"));
        user("viewer", List.of("VIEWER"));
    }

    @AfterAll
    static void stop() throws Exception {
        // The browser starts first: without it, nothing was started.
        if (browser != null) {
            browser.closeAfter(app);
        }
    }

    @Test
    @Order(1)
    void aTraderSignsInAndSeesTheOverviewLive() {
        signIn("trader", null);

        browser.waitFor(ExpectedConditions.attributeToBe(By.cssSelector(".conn"), "data-state", "live"));
        WebElement equity = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-figure=equity]")));
        browser.waitFor(d -> equity.getText().startsWith("₹ "));
        JsonNode portfolio = api("GET", "/api/v1/portfolio", token("trader"), null).path("items").path(0);
        assertThat(portfolio.path("account").asText()).isEqualTo("acc");
        assertThat(equity.getText()).matches("₹ [0-9,]+\\.[0-9]{2}");
        assertThat(browser.driver().findElements(By.cssSelector("[aria-label='kill switch']")))
                .as("the kill switch is for RISK users").isEmpty();
        browser.screenshot("overview");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(2)
    void theWatchlistTicksAndTheChartFollowsTheChosenSymbol() {
        go("market");
        By infyLast = By.cssSelector("table[aria-label=watchlist] tr[data-key=INFY] td:nth-child(2)");
        String first = browser.waitFor(d -> {
            String text = d.findElement(infyLast).getText();
            return text.isEmpty() ? null : text;
        });
        browser.waitFor(SLOW, d -> !d.findElement(infyLast).getText().equals(first));

        // Keyboard: a focused row opens its chart with Enter.
        WebElement reliance = browser.driver().findElement(By.cssSelector(
                "table[aria-label=watchlist] tr[data-key=RELIANCE]"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].focus()", reliance);
        reliance.sendKeys(Keys.ENTER);
        browser.waitFor(ExpectedConditions.attributeToBe(By.cssSelector("section[data-symbol]"), "data-symbol",
                "RELIANCE"));
        browser.driver().findElement(By.cssSelector("button[data-interval='1m']")).click();
        browser.waitFor(ExpectedConditions.attributeToBe(By.cssSelector("section[data-symbol]"), "data-interval", "1m"));
        assertThat(browser.driver().findElement(By.cssSelector("section[data-symbol] h2")).getAttribute("textContent"))
                .isEqualTo("RELIANCE · 1m");
        browser.waitFor(d -> !d.findElements(By.cssSelector("section[data-symbol] .tip")).get(0).getText().isEmpty());
        browser.screenshot("market");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(3)
    void aLimitOrderIsValidatedPlacedModifiedAndCancelledInTheBlotter() {
        go("orders");
        WebElement form = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[aria-label='place an order']")));

        // Without a quantity, the API's message appears next to the quantity field.
        form.findElement(By.name("symbol")).sendKeys("INFY");
        form.findElement(By.name("limitPrice")).sendKeys("1000.00");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement quantityError = browser.waitFor(d -> {
            WebElement error = form.findElement(By.cssSelector("[data-field=quantity] .error"));
            return error.getText().isEmpty() ? null : error;
        });
        assertThat(quantityError.getText()).contains("required");
        assertThat(browser.consoleErrors()).singleElement().asString().contains("/api/v1/orders").contains("400");

        String price = belowMarket("INFY", "0.96");
        form.findElement(By.name("limitPrice")).clear();
        form.findElement(By.name("limitPrice")).sendKeys(price);
        form.findElement(By.name("quantity")).sendKeys("3");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        JsonNode placed = browser.waitFor(d -> {
            JsonNode orders = api("GET", "/api/v1/orders?account=acc&symbol=INFY", token("trader"), null).path("items");
            return orders.isEmpty() ? null : orders.path(0);
        });
        assertThat(placed.path("quantity").asLong()).isEqualTo(3);
        assertThat(placed.path("limitPrice").decimalValue()).isEqualByComparingTo(price);
        By row = By.cssSelector("table[aria-label=orders] tr[data-key='" + placed.path("id").asText() + "']");
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(row, "INFY"));
        assertThat(cell(row, 6)).isEqualTo("3");
        assertThat(cell(row, 8)).isEqualTo(rupees(price));
        browser.screenshot("orders");

        browser.driver().findElement(row).findElement(By.cssSelector("[data-action=modify]")).click();
        WebElement dialog = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog")));
        WebElement quantity = dialog.findElement(By.name("quantity"));
        quantity.clear();
        quantity.sendKeys("5");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitFor(d -> cell(row, 6).equals("5"));
        assertThat(api("GET", "/api/v1/orders/" + placed.path("id").asText(), token("trader"), null)
                .path("quantity").asLong()).isEqualTo(5);

        browser.driver().findElement(row).findElement(By.cssSelector("[data-action=cancel]")).click();
        browser.waitFor(SLOW, d -> cell(row, 10).equals("CANCELLED"));
        assertThat(api("GET", "/api/v1/orders/" + placed.path("id").asText(), token("trader"), null)
                .path("status").asText()).isEqualTo("CANCELLED");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(4)
    void aFillChangesThePositionOnTheScreen() {
        go("positions");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table[aria-label=positions]")));
        By row = By.cssSelector("table[aria-label=positions] tr[data-key='RELIANCE:CNC']");
        long before = browser.driver().findElements(row).isEmpty() ? 0 : Long.parseLong(cell(row, 3));

        JsonNode order = api("POST", "/api/v1/orders", token("trader"), Map.of("account", "acc", "symbol",
                "RELIANCE", "side", "BUY", "quantity", 2, "type", "MARKET"));
        assertThat(order.path("status").asText()).isNotEmpty();

        browser.waitFor(SLOW, d -> !d.findElements(row).isEmpty() && cell(row, 3).equals(Long.toString(before + 2)));
        JsonNode fill = api("GET", "/api/v1/fills?account=acc&order=" + order.path("id").asText(), token("trader"), null)
                .path("items").path(0);
        By fillRow = By.cssSelector("table[aria-label=fills] tr[data-key='" + fill.path("fillId").asText() + "']");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(fillRow));
        assertThat(cell(fillRow, 6)).isEqualTo(rupees(fill.path("price").asText()));
        browser.screenshot("positions");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(5)
    void aBotIsCreatedStartedAndStopped() {
        go("bots");
        WebElement form = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[aria-label='create a bot']")));
        form.findElement(By.name("id")).sendKeys("web-sma");
        new Select(form.findElement(By.name("strategy"))).selectByValue("sma-cross");
        WebElement fast = form.findElement(By.name("params.fast"));
        assertThat(fast.getAttribute("value")).isEqualTo("10");
        fast.clear();
        fast.sendKeys("3");
        form.findElement(By.cssSelector("input[name=symbol][value=INFY]")).click();
        new Select(form.findElement(By.name("interval"))).selectByValue("1m");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        By row = By.cssSelector("table[aria-label=bots] tr[data-key=web-sma]");
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(row, "STOPPED"));
        assertThat(api("GET", "/api/v1/bots/web-sma", token("trader"), null).path("params").path("fast").asText())
                .isEqualTo("3");
        browser.driver().findElement(row).findElement(By.cssSelector("[data-action=start]")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(row, "RUNNING"));
        browser.screenshot("bots");
        browser.driver().findElement(row).findElement(By.cssSelector("[data-action=stop]")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(row, "STOPPED"));
        assertThat(api("GET", "/api/v1/bots/web-sma", token("trader"), null).path("state").asText())
                .isEqualTo("STOPPED");

        browser.driver().findElement(row).findElement(By.linkText("web-sma")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main h1"), "web-sma"));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dl.kv"), "fast=3"));
        browser.screenshot("bot-page");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(6)
    void aSmallBacktestRunsAndShowsItsReport() {
        go("backtests");
        WebElement form = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[aria-label='new backtest']")));
        setValue(form.findElement(By.name("from")), "2025-01-01");
        setValue(form.findElement(By.name("to")), "2025-06-30");
        WebElement symbols = form.findElement(By.name("symbols"));
        symbols.clear();
        symbols.sendKeys("INFY");
        WebElement fast = form.findElement(By.name("params.fast"));
        fast.clear();
        fast.sendKeys("5");
        WebElement slow = form.findElement(By.name("params.slow"));
        slow.clear();
        slow.sendKeys("20");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement report = browser.waitFor(SLOW, ExpectedConditions.visibilityOfElementLocated(
                By.id("backtest-report")));
        String job = report.getAttribute("data-job");
        JsonNode result = api("GET", "/api/v1/backtests/" + job + "/result", token("trader"), null);
        assertThat(report.findElement(By.cssSelector("dl[aria-label=metrics]")).getText())
                .contains("Final equity\n" + rupees(result.path("finalEquity").asText()))
                .contains("Trades\n" + result.path("metrics").path("trades").asLong());
        assertThat(browser.driver().findElements(By.cssSelector("table[aria-label=trades] tbody tr[data-key]")))
                .hasSize(result.path("trades").size());
        assertThat(browser.driver().findElements(By.cssSelector("canvas[aria-label='backtest equity']"))).hasSize(1);
        browser.screenshot("backtest");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(7)
    void aRiskUserThrowsAndResetsTheKillSwitch() {
        signIn("risk", null);
        go("overview");
        WebElement panel = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[aria-label='kill switch']")));
        browser.driver().findElement(By.id("kill-button")).click();
        WebElement dialog = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog")));
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitFor(d -> !dialog.findElement(By.cssSelector("[data-field=reason] .error")).getText().isEmpty());
        assertThat(browser.consoleErrors()).singleElement().asString().contains("/api/v1/risk/kill-switch")
                .contains("400");
        dialog.findElement(By.name("reason")).sendKeys("browser test: halt acc");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();

        browser.waitFor(ExpectedConditions.textToBePresentInElement(panel, "acc HALTED"));
        assertThat(api("GET", "/api/v1/risk/states", token("risk"), null).path("accounts").path("acc").asText())
                .isEqualTo("HALTED");
        browser.screenshot("kill-switch");

        browser.driver().findElement(By.id("reset-button")).click();
        WebElement reset = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog")));
        reset.findElement(By.name("reason")).sendKeys("browser test: resume acc");
        reset.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElement(panel, "acc ACTIVE"));
        assertThat(api("GET", "/api/v1/risk/states", token("risk"), null).path("accounts").path("acc").asText())
                .isEqualTo("ACTIVE");

        go("risk");
        WebElement limits = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[aria-label='Limits of acc']")));
        WebElement maxQuantity = limits.findElement(By.name("maxOrderQuantity"));
        maxQuantity.clear();
        maxQuantity.sendKeys("750");
        limits.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("table[aria-label='limit changes']"), "maxOrderQuantity=750"));
        assertThat(api("GET", "/api/v1/risk/limits/acc", token("risk"), null).path("maxOrderQuantity").asText())
                .isEqualTo("750");
        browser.screenshot("risk");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(8)
    void aViewerSeesNoOrderFormAndNoBotControls() {
        signIn("viewer", null);
        go("orders");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table[aria-label=orders]")));
        assertThat(browser.driver().findElements(By.cssSelector("form[aria-label='place an order']"))).isEmpty();
        assertThat(browser.driver().findElement(By.cssSelector("main")).getText())
                .contains("placing them needs the TRADER role");
        assertThat(browser.driver().findElements(By.cssSelector("table[aria-label=orders] [data-action]"))).isEmpty();
        go("bots");
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table[aria-label=bots] tr[data-key]")));
        assertThat(browser.driver().findElements(By.cssSelector("form[aria-label='create a bot']"))).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("table[aria-label=bots] [data-action]"))).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("nav.main a")).stream().map(WebElement::getText))
                .doesNotContain("Risk", "Admin");
        browser.screenshot("viewer-orders");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(9)
    void anAdministratorSignsInWithTheSecondFactorAndManagesUsers() {
        signIn("admin", adminSecret);
        go("admin");
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table[aria-label=users]"),
                "viewer"));
        WebElement form = browser.driver().findElement(By.cssSelector("form[aria-label='create a user']"));
        form.findElement(By.name("username")).sendKeys("analyst");
        form.findElement(By.name("password")).sendKeys(PASSWORD);
        form.findElement(By.cssSelector("input[name=accounts][value=acc]")).click();
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table[aria-label=users] tr[data-key=analyst]")));
        JsonNode analyst = api("GET", "/api/v1/users/analyst", adminToken, null);
        assertThat(analyst.path("roles").toString()).isEqualTo("[\"VIEWER\"]");
        assertThat(analyst.path("accounts").toString()).isEqualTo("[\"acc\"]");

        browser.driver().findElement(By.cssSelector("table[aria-label=users] tr[data-key=analyst] [data-action=disable]"))
                .click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("table[aria-label=users] tr[data-key=analyst]"), "disabled"));
        assertThat(api("GET", "/api/v1/users/analyst", adminToken, null).path("disabled").asBoolean()).isTrue();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table[aria-label='audit log']"),
                "user.create"));
        browser.screenshot("admin");
        // The one refusal on the way was the sign-in that asked for the second factor.
        assertThat(browser.consoleErrors()).singleElement().asString().contains("/api/v1/auth/login").contains("401");
    }

    @Test
    @Order(10)
    void theLayoutHoldsOnAPhoneAndOnAWideScreenInBothThemes() {
        signIn("trader", null);
        browser.resize(375, 812);
        for (String screen : List.of("overview", "market", "orders", "positions", "bots", "backtests")) {
            go(screen);
            browser.waitFor(ExpectedConditions.attributeToBe(By.cssSelector(".conn"), "data-state", "live"));
            Number overflow = (Number) ((JavascriptExecutor) browser.driver()).executeScript(
                    "return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(overflow.intValue()).as("horizontal overflow of %s at 375 px", screen).isLessThanOrEqualTo(0);
            browser.screenshot("phone-" + screen);
        }
        browser.resize(1920, 1080);
        go("overview");
        browser.waitFor(d -> d.findElement(By.cssSelector("[data-figure=equity]")).getText().startsWith("₹ "));
        browser.screenshot("wide-overview-" + theme());
        browser.driver().findElement(By.cssSelector("button[aria-label='switch theme']")).click();
        browser.screenshot("wide-overview-" + theme());
        browser.resize(1440, 900);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(11)
    void thePageRecoversByItselfWhenTheServerComesBack() {
        go("orders");
        browser.waitFor(ExpectedConditions.attributeToBe(By.cssSelector(".conn"), "data-state", "live"));
        int port = app.port();
        app.stopServer();
        browser.waitFor(SLOW, d -> !"live".equals(d.findElement(By.cssSelector(".conn")).getAttribute("data-state")));
        browser.screenshot("reconnecting");
        app.startServer(port);
        browser.waitFor(SLOW, ExpectedConditions.attributeToBe(By.cssSelector(".conn"), "data-state", "live"));

        // Live again: an order placed now reaches the blotter through the new stream.
        JsonNode order = api("POST", "/api/v1/orders", token("trader"), Map.of("account", "acc", "symbol", "INFY",
                "side", "BUY", "quantity", 1, "type", "LIMIT", "limitPrice", belowMarket("INFY", "0.96")));
        browser.waitFor(SLOW, ExpectedConditions.presenceOfElementLocated(By.cssSelector(
                "table[aria-label=orders] tr[data-key='" + order.path("id").asText() + "']")));
        // Failed reconnection attempts are network errors in the console; nothing else is.
        assertThat(browser.consoleErrors()).allSatisfy(e -> assertThat(e).containsAnyOf("/api/v1/stream",
                "ERR_CONNECTION_REFUSED", "/api/v1/auth/refresh"));
    }

    @Test
    @Order(12)
    void anOpenPageOfAUserWhoIsDisabledReturnsToSignIn() {
        user("leaver", List.of("VIEWER"));
        signIn("leaver", null);
        go("positions");
        browser.waitFor(ExpectedConditions.attributeToBe(By.cssSelector(".conn"), "data-state", "live"));

        api("POST", "/api/v1/users/leaver/disable", adminToken, Map.of());

        // The stream checks its caller at every heartbeat; the renewal the page then asks for is refused.
        WebElement notice = browser.waitFor(SLOW, ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[aria-label='sign in'] .notice")));
        assertThat(notice.getText()).isEqualTo("Your session has ended; please sign in again.");
        assertThat(browser.driver().findElements(By.cssSelector("nav.main"))).isEmpty();
        browser.screenshot("signed-out");
        // The refused renewal (and a stream refused on the way) are the only errors.
        assertThat(browser.consoleErrors()).isNotEmpty().allSatisfy(e -> assertThat(e).containsAnyOf(
                "/api/v1/auth/refresh", "/api/v1/stream"));
    }

    @Test
    @Order(13)
    void aUserChangesTheirPasswordAndSignsInWithTheNewOne() {
        user("changer", List.of("VIEWER"));
        signIn("changer", null);
        browser.driver().findElement(By.cssSelector("button.user-name")).click();
        WebElement dialog = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("dialog")));
        String newPassword = "Quiet-Marble-Orchard-9051";

        dialog.findElement(By.name("currentPassword")).sendKeys("not-the-password-1");
        dialog.findElement(By.name("newPassword")).sendKeys(newPassword);
        dialog.findElement(By.name("repeat")).sendKeys(newPassword + "x");
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.<String>waitFor(d -> text(dialog, "repeat"))).isEqualTo("is not the same as the new password");
        assertThat(browser.consoleErrors()).as("checked in the page, not sent").isEmpty();

        dialog.findElement(By.name("repeat")).clear();
        dialog.findElement(By.name("repeat")).sendKeys(newPassword);
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(browser.<String>waitFor(d -> text(dialog, "currentPassword"))).isEqualTo("is wrong");
        assertThat(browser.consoleErrors()).singleElement().asString().contains("/api/v1/auth/password").contains("403");

        dialog.findElement(By.name("currentPassword")).clear();
        dialog.findElement(By.name("currentPassword")).sendKeys(PASSWORD);
        dialog.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement notice = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[aria-label='sign in'] .notice")));
        assertThat(notice.getText()).isEqualTo("Password changed: sign in with the new one.");

        WebElement form = browser.driver().findElement(By.cssSelector("form[aria-label='sign in']"));
        form.findElement(By.name("username")).sendKeys("changer");
        form.findElement(By.name("password")).sendKeys(newPassword);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".user-name"), "changer"));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** The error shown beside a dialog's field, once there is one. */
    private static String text(WebElement dialog, String field) {
        String error = dialog.findElement(By.cssSelector("[data-field=" + field + "] .error")).getText();
        return error.isEmpty() ? null : error;
    }

    // ------------------------------------------------------------------ helpers

    private static void signIn(String user, String totpSecret) {
        List<WebElement> signOut = browser.driver().findElements(By.xpath("//button[text()='Sign out']"));
        if (signOut.isEmpty()) {
            browser.open(app.url("/"));
        } else {
            signOut.get(0).click();
        }
        WebElement form = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[aria-label='sign in']")));
        form.findElement(By.name("username")).sendKeys(user);
        form.findElement(By.name("password")).sendKeys(user.equals("admin") ? PaperApp.ADMIN_PASSWORD : PASSWORD);
        form.findElement(By.cssSelector("button[type=submit]")).click();
        if (totpSecret != null) {
            WebElement totp = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.name("totp")));
            totp.sendKeys(nextAdminCode());
            form.findElement(By.cssSelector("button[type=submit]")).click();
        }
        browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("nav.main")));
        browser.waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".user-name"), user));
    }

    private static void go(String screen) {
        browser.driver().get(app.url("/#/" + screen).toString());
        browser.waitFor(ExpectedConditions.attributeToBe(By.id("view"), "data-screen", screen));
    }

    private static String cell(By row, int column) {
        return browser.driver().findElement(row).findElement(By.cssSelector("td:nth-child(" + column + ")")).getText();
    }

    private static void setValue(WebElement input, String value) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", input, value);
    }

    private static String theme() {
        return browser.driver().findElement(By.tagName("html")).getAttribute("data-theme");
    }

    /** A limit price a fraction below INFY's last price, on its tick, so the order rests. */
    private static String belowMarket(String symbol, String fraction) {
        JsonNode quote = api("GET", "/api/v1/quotes?symbols=" + symbol, token("trader"), null).path("items").path(0);
        BigDecimal tick = new BigDecimal("0.10");
        return quote.path("last").decimalValue().multiply(new BigDecimal(fraction)).divide(tick, 0, RoundingMode.DOWN)
                .multiply(tick).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** The Indian grouping the dashboard shows (12,34,567.80). */
    private static String rupees(String amount) {
        BigDecimal value = new BigDecimal(amount).setScale(2, RoundingMode.UNNECESSARY);
        String whole = value.toBigInteger().toString();
        String fraction = value.toPlainString().substring(value.toPlainString().indexOf('.'));
        if (whole.length() <= 3) {
            return whole + fraction;
        }
        StringBuilder grouped = new StringBuilder(whole.substring(whole.length() - 3));
        String rest = whole.substring(0, whole.length() - 3);
        while (rest.length() > 2) {
            grouped.insert(0, rest.substring(rest.length() - 2) + ",");
            rest = rest.substring(0, rest.length() - 2);
        }
        return rest + "," + grouped + fraction;
    }

    private static String code(Instant at) {
        return new Totp(InstantSource.system()).codeAt(adminSecret, at);
    }

    /**
     * The code of the step after the current one (the server accepts one step ahead), once that step
     * is later than the last one used: the confirmation used the current step.
     */
    private static String nextAdminCode() {
        Awaitility.await().atMost(TOTP_STEP.multipliedBy(3)).until(() -> step(Instant.now()) + 1 > adminLastStep);
        Instant at = Instant.now().plus(TOTP_STEP);
        adminLastStep = step(at);
        return code(at);
    }

    private static long step(Instant time) {
        return time.getEpochSecond() / TOTP_STEP.getSeconds();
    }

    private static void user(String name, List<String> roles) {
        api("POST", "/api/v1/users", adminToken, Map.of("username", name, "password", PASSWORD, "roles", roles,
                "accounts", List.of("acc")));
    }

    private static String token(String user) {
        return TOKENS.computeIfAbsent(user, u -> text(api("POST", "/api/v1/auth/login", null, Map.of("username", u,
                "password", PASSWORD)), "accessToken"));
    }

    private static String text(JsonNode node, String field) {
        assertThat(node.has(field)).as("%s in %s", field, node).isTrue();
        return node.path(field).asText();
    }

    /** One JSON call to the API; anything but 2xx fails the test with the answer. */
    private static JsonNode api(String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(app.url(path)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isBetween(200, 299);
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
