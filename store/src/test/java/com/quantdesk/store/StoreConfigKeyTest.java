package com.quantdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoreConfigKeyTest {

    @Test
    void theJournalKeyNeverShowsInTheConfigurationsText() {
        String key = "ab".repeat(32);
        StoreConfig config = StoreConfig.resolve(Path.of("data"), "postgresql://quant:s3cret@db:5432/q",
                Map.of("QD_JOURNAL_KEY", key));
        assertThat(config.journalKey()).contains(key);
        assertThat(config.toString()).doesNotContain(key).doesNotContain("abab").contains("journalKey=***")
                .doesNotContain("s3cret");
        assertThat(StoreConfig.sqlite(Path.of("data")).toString()).contains("journalKey=none");
    }
}
