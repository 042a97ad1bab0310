package com.quantdesk.store.journal;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.PositionChanged;
import com.quantdesk.store.Store;
import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A process is killed by its own journal writer at an exact point of one engine step (a fill and the
 * position it moves), with the writer limited to one event per batch, as a group commit of "whatever
 * is queued" would have split that step. After the restart the step is there whole or not at all,
 * and the positions table agrees with the fills.
 */
class TornStepTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "killed {0}: fill and position {1}")
    @CsvSource({
        "after-commit,  both present",
        "before-commit, both absent",
    })
    void aKillInsideAStepLeavesTheStepWholeOrAbsent(String mode, String expected) throws Exception {
        Path dataDir = dir.resolve("data");
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TornStepChild.class.getName(), dataDir.toString(), mode)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child finished").isTrue();
        assertThat(child.exitValue()).as("halted by the writer hook; log:%n%s", Files.readString(log)).isEqualTo(137);

        try (Store store = Stores.open(StoreConfig.sqlite(dataDir))) {
            List<Event> events = new ArrayList<>();
            store.journal().replay(events::add);
            long fills = events.stream().filter(OrderFilled.class::isInstance).count();
            long positions = events.stream().filter(PositionChanged.class::isInstance).count();
            assertThat(fills).isEqualTo(positions).isEqualTo(expected.equals("both present") ? 1 : 0);
            assertThat(events.getLast()).isInstanceOf(expected.equals("both present") ? PositionChanged.class
                    : com.quantdesk.core.event.OrderAccepted.class);
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT (SELECT COALESCE(SUM(quantity), 0) FROM fills), "
                         + "(SELECT COALESCE(SUM(quantity), 0) FROM positions)")) {
                r.next();
                assertThat(r.getLong(2)).as("positions table vs fills").isEqualTo(r.getLong(1));
            }
        }
    }
}
