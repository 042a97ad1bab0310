package com.quantdesk.app;

import static com.quantdesk.app.CliRun.quantdesk;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.event.AccountOpened;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.core.event.TradingStateChanged;
import com.quantdesk.core.risk.TradingState;
import com.quantdesk.store.Store;
import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalCommandTest {

    @TempDir
    Path dir;

    /** Five alerts, journaled with the data directory's own key. */
    private void journalFiveAlerts() throws Exception {
        try (Store store = Stores.open(StoreConfig.sqlite(dir))) {
            for (long seq = 1; seq <= 5; seq++) {
                store.journal().append(new RiskAlert(seq, Instant.parse("2026-01-05T04:30:00Z").plusSeconds(seq),
                        AccountId.of("acc"), BotId.NONE, 0, "TEST", "alert " + seq));
            }
            store.journal().durable(5).get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void verifyReportsAnIntactChainWithItsLengthAndKey() throws Exception {
        journalFiveAlerts();
        String keyId = StoreConfig.sqlite(dir).loadJournalKey(false).id();
        CliRun run = quantdesk("journal", "verify", "--data-dir", dir.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("OK: 5 events, hash chain intact").contains("HMAC-SHA256 chain, key " + keyId);
    }

    @Test
    void verifyNeedsTheJournalsKeyAndSaysWhichOneIsMissing() throws Exception {
        journalFiveAlerts();
        Files.move(dir.resolve("journal.key"), dir.resolve("journal.key.elsewhere"));
        CliRun run = quantdesk("journal", "verify", "--data-dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("quantdesk: the journal's key file " + dir.resolve("journal.key"))
                .contains("is missing").contains("QD_JOURNAL_KEY").doesNotContain("Exception");
    }

    @Test
    void stateDescribesWhatARestartWouldRecover() throws Exception {
        try (Store store = Stores.open(StoreConfig.sqlite(dir))) {
            Instant t = Instant.parse("2026-01-05T04:30:00Z");
            store.journal().append(new AccountOpened(1, t, AccountId.of("desk"), BotId.NONE, 0, 5_00_000_00L));
            store.journal().append(new TradingStateChanged(2, t, AccountId.of("desk"), BotId.NONE, 1,
                    TradingState.ACTIVE, TradingState.REDUCING, "test", "ops"));
            store.journal().durable(2).get(10, TimeUnit.SECONDS);
        }
        CliRun all = quantdesk("journal", "state", "--data-dir", dir.toString());
        assertThat(all.exitCode()).as(all.err()).isZero();
        assertThat(all.outLines()).contains("journal/lastSequence=2", "account/desk/initialCash=50000000",
                "account/desk/cash=50000000", "account/desk/state=REDUCING", "state/_global=ACTIVE");
        CliRun first = quantdesk("journal", "state", "--data-dir", dir.toString(), "--until", "1");
        assertThat(first.outLines()).contains("journal/lastSequence=1", "account/desk/state=ACTIVE");
        assertThat(quantdesk("journal", "state", "--data-dir", dir.toString(), "--until", "-1").err())
                .isEqualTo("quantdesk: --until: must not be negative, was -1" + System.lineSeparator());
    }

    @Test
    void verifyWithoutAJournalIsAUsageError() {
        Path missing = dir.resolve("nowhere");
        CliRun run = quantdesk("journal", "verify", "--data-dir", missing.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no journal at " + missing.resolve(StoreConfig.SQLITE_FILE));
    }
}
