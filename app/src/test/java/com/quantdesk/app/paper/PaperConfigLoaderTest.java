package com.quantdesk.app.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Symbol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaperConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("quantdesk.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    @Test
    void readsAFullConfiguration() throws Exception {
        PaperConfig config = PaperConfigLoader.load(write("""
                dataDir: data
                feed:
                  mode: session
                  interval: 250ms
                  seed: 7
                  symbols: [RELIANCE, INFY]
                  holidays: [2026-01-26]
                venue:
                  ackLatency: 10ms
                  fillLatency: 30ms
                  slippageBps: 2
                  volumeParticipation: 0.25
                accounts:
                  - id: main
                    capital: 250000.50
                    risk: {maxOrderValue: 50000, maxOrdersPerSecond: 5}
                bots:
                  - id: sma-1
                    account: main
                    strategy: sma-cross
                    params: {fast: 3, slow: 8, qty: 2}
                    symbols: [RELIANCE]
                    bar: 5m
                    state: paused
                """));
        assertThat(config.dataDirectory()).isEqualTo(dir.resolve("data"));
        assertThat(config.databaseUrl()).isEmpty();
        assertThat(config.feed().mode()).isEqualTo(PaperConfig.FeedMode.SESSION);
        assertThat(config.feed().interval()).isEqualTo(Duration.ofMillis(250));
        assertThat(config.feed().symbols()).containsExactly(Symbol.of("RELIANCE"), Symbol.of("INFY"));
        assertThat(config.venue().fillLatency()).isEqualTo(Duration.ofMillis(30));
        assertThat(config.accounts()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(AccountId.of("main"));
            assertThat(a.capitalPaise()).isEqualTo(2_50_000_50L);
            assertThat(a.risk()).containsEntry("maxOrderValue", "50000");
        });
        assertThat(config.bots()).singleElement().satisfies(b -> {
            assertThat(b.id()).isEqualTo(BotId.of("sma-1"));
            assertThat(b.bar()).isEqualTo(Duration.ofMinutes(5));
            assertThat(b.state()).isEqualTo(BotState.PAUSED);
            assertThat(b.params()).containsEntry("fast", "3");
        });
    }

    @Test
    void namesTheFileAndFieldOfEveryMistake() throws Exception {
        assertThatThrownBy(() -> PaperConfigLoader.load(write("""
                accounts: [{id: main}]
                bots: [{id: b, account: main, strategy: sma-cross, params: {fast: 40}, symbols: [RELIANCE]}]
                """))).hasMessage(dir.resolve("quantdesk.yaml") + ": bots[0].params: parameter fast=40 must be less "
                + "than slow=30");
        assertThatThrownBy(() -> PaperConfigLoader.load(write("""
                accounts: [{id: main}]
                bots: [{id: b, account: other, strategy: sma-cross, symbols: [RELIANCE]}]
                """))).hasMessageEndingWith("bots.b.account: no account other");
        assertThatThrownBy(() -> PaperConfigLoader.load(write("""
                accounts: [{id: main, risk: {maxOrderValue: lots}}]
                """))).hasMessageEndingWith("accounts[0].risk: risk limit maxOrderValue='lots' is not a valid rupee "
                + "amount");
        assertThatThrownBy(() -> PaperConfigLoader.load(write("""
                accounts: [{id: main}]
                feed: {mode: sometimes}
                """))).hasMessageEndingWith("feed.mode: 'sometimes' is not one of [demo, session]");
        assertThatThrownBy(() -> PaperConfigLoader.load(write("""
                acounts: [{id: main}]
                """))).hasMessageContaining("acounts: unknown key");
        assertThatThrownBy(() -> PaperConfigLoader.load(write("""
                accounts: [{id: main}]
                bots: [{id: b, account: main, strategy: sma-cross, symbols: [WIPRO], bar: 2m}]
                """))).hasMessageEndingWith("bots[0].bar: bars are 1m, 5m, 15m, 1h or 1d, not '2m'");
        assertThatThrownBy(() -> PaperConfigLoader.load(write("accounts: [ {id: main\n"))).hasMessageContaining(
                "quantdesk.yaml, line ");
    }

    @Test
    void demoConfigurationIsValid() {
        PaperConfig demo = PaperConfigLoader.demo(dir);
        assertThat(demo.bots()).hasSize(3);
        assertThat(demo.feed().mode()).isEqualTo(PaperConfig.FeedMode.DEMO);
    }

    @Test
    void durationsTakeMillisecondsSecondsMinutesHoursDaysAndIso8601() {
        assertThat(PaperConfigLoader.duration("500ms", "x")).isEqualTo(Duration.ofMillis(500));
        assertThat(PaperConfigLoader.duration("90s", "x")).isEqualTo(Duration.ofSeconds(90));
        assertThat(PaperConfigLoader.duration("5m", "x")).isEqualTo(Duration.ofMinutes(5));
        assertThat(PaperConfigLoader.duration("36h", "x")).isEqualTo(Duration.ofHours(36));
        assertThat(PaperConfigLoader.duration("7d", "x")).isEqualTo(Duration.ofDays(7));
        assertThat(PaperConfigLoader.duration(" 7D ", "x")).isEqualTo(Duration.ofDays(7));
        assertThat(PaperConfigLoader.duration("PT5M", "x")).isEqualTo(Duration.ofMinutes(5));
        assertThat(PaperConfigLoader.duration("p1dt2h", "x")).isEqualTo(Duration.ofHours(26));
        assertThat(PaperConfigLoader.duration("0s", "x")).isEqualTo(Duration.ZERO);
    }

    @Test
    void aBadDurationNamesWhereItCameFrom() {
        for (String bad : new String[] {"7", "d", "7days", "1.5h", "", "PT", "5 m", "99999999999999999999s"}) {
            assertThatThrownBy(() -> PaperConfigLoader.duration(bad, "--backup-every")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--backup-every: '" + bad + "' is not a duration like 500ms, 90s, 5m, 36h, 7d or PT5M");
        }
        assertThatThrownBy(() -> PaperConfigLoader.duration("-5m", "feed.interval"))
                .hasMessage("feed.interval: must not be negative, was -5m");
        assertThatThrownBy(() -> PaperConfigLoader.duration("PT-5M", "feed.interval"))
                .hasMessage("feed.interval: must not be negative, was PT-5M");
    }

    @Test
    void describeWritesWhatDurationReads() {
        for (Duration d : new Duration[] {Duration.ofMillis(1500), Duration.ofSeconds(90), Duration.ofMinutes(5),
                Duration.ofHours(36), Duration.ofDays(7), Duration.ZERO}) {
            assertThat(PaperConfigLoader.duration(PaperConfigLoader.describe(d), "x")).isEqualTo(d);
        }
        assertThat(PaperConfigLoader.describe(Duration.ofDays(7))).isEqualTo("7d");
    }
}
