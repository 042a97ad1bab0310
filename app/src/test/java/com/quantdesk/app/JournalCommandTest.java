package com.quantdesk.app;

import static com.quantdesk.app.CliRun.quantdesk;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.store.Store;
import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.Stores;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalCommandTest {

    @TempDir
    Path dir;

    @Test
    void verifyReportsAnIntactChainWithItsLength() throws Exception {
        try (Store store = Stores.open(StoreConfig.sqlite(dir))) {
            for (long seq = 1; seq <= 5; seq++) {
                store.journal().append(new RiskAlert(seq, Instant.parse("2026-01-05T04:30:00Z").plusSeconds(seq),
                        AccountId.of("acc"), BotId.NONE, 0, "TEST", "alert " + seq));
            }
            store.journal().durable(5).get(10, TimeUnit.SECONDS);
        }
        CliRun run = quantdesk("journal", "verify", "--data-dir", dir.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("OK: 5 events, hash chain intact");
    }

    @Test
    void verifyWithoutAJournalIsAUsageError() {
        Path missing = dir.resolve("nowhere");
        CliRun run = quantdesk("journal", "verify", "--data-dir", missing.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no journal at " + missing.resolve(StoreConfig.SQLITE_FILE));
    }
}
