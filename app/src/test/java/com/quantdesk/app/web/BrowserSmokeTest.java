package com.quantdesk.app.web;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser-test machinery against the real application: a headless Chromium loads the API page
 * the server renders, and the console and screenshots work. One browser and one application serve
 * the whole class.
 */
class BrowserSmokeTest {

    @TempDir
    static Path dir;

    static Browser browser;
    static PaperApp app;

    @BeforeAll
    static void start() {
        // The browser first: without one the class is skipped before the application starts.
        browser = Browser.start();
        app = PaperApp.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        // The browser starts first: without it, nothing was started.
        if (browser != null) {
            browser.closeAfter(app);
        }
    }

    @BeforeEach
    void forgetEarlierConsoleOutput() {
        browser.consoleErrors();
    }

    @Test
    void showsTheApiPageWithoutConsoleErrors() throws IOException {
        browser.open(app.url("/api/docs"));

        WebElement heading = browser.waitFor(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertThat(browser.driver().getTitle()).isEqualTo("Quantdesk API");
        assertThat(heading.getText()).isEqualTo("Quantdesk API");
        Path shot = browser.screenshot("api-docs");
        BufferedImage image = ImageIO.read(shot.toFile());
        assertThat(image.getWidth()).isEqualTo(Browser.DEFAULT_WIDTH);
        assertThat(image.getHeight()).isEqualTo(Browser.DEFAULT_HEIGHT);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void resizesTheWindowToAPhone() throws IOException {
        browser.open(app.url("/api/docs"));

        browser.resize(390, 844);
        try {
            assertThat(((JavascriptExecutor) browser.driver()).executeScript(
                    "return [window.innerWidth, window.innerHeight]")).isEqualTo(List.of(390L, 844L));
            BufferedImage image = ImageIO.read(browser.screenshot("api-docs-phone").toFile());
            assertThat(image.getWidth()).isEqualTo(390);
            assertThat(image.getHeight()).isEqualTo(844);
        } finally {
            browser.resize(Browser.DEFAULT_WIDTH, Browser.DEFAULT_HEIGHT);
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void reportsConsoleErrorsOnceEach() {
        browser.open(app.url("/api/docs"));

        ((JavascriptExecutor) browser.driver()).executeScript("console.error('quantdesk-probe'); console.warn('meh')");
        List<String> errors = browser.waitFor(driver -> {
            List<String> seen = browser.consoleErrors();
            return seen.isEmpty() ? null : seen;
        });
        assertThat(errors).singleElement().asString().contains("quantdesk-probe");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void reportsResourcesThatFailToLoad() {
        browser.open(app.url("/api/docs"));

        ((JavascriptExecutor) browser.driver()).executeScript("fetch('/api/no-such-page')");
        List<String> errors = browser.waitFor(driver -> {
            List<String> seen = browser.consoleErrors();
            return seen.isEmpty() ? null : seen;
        });
        assertThat(errors).singleElement().asString().contains("/api/no-such-page", "404");
    }
}
