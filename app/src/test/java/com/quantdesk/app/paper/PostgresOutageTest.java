package com.quantdesk.app.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.command.SubmitOrder;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.store.PostgresTestDatabase;
import com.quantdesk.store.PostgresUrl;
import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.Stores;
import com.quantdesk.store.journal.JournalVerifier;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL goes away under a running paper process (a TCP proxy between them is cut, so the
 * shared server keeps running): new orders are refused, trading resumes when it is back, and every
 * event, including those made during the outage, ends up in the journal once, in order.
 */
class PostgresOutageTest {

    @TempDir
    Path dir;

    @Test
    void ordersAreRefusedWhileTheDatabaseIsUnreachableAndNothingIsLost() throws Exception {
        List<String> notices = new CopyOnWriteArrayList<>();
        try (PostgresTestDatabase database = PostgresTestDatabase.create(dir)) {
            URI server = server(database);
            try (TcpProxy proxy = new TcpProxy(server.getHost(), server.getPort())) {
                StoreConfig config = through(proxy, database);
                try (PaperRuntime runtime = PaperRuntime.start(PaperRuntimeContract.config(dir), config, 600,
                        notices::add)) {
                    await().atMost(Duration.ofSeconds(60)).until(() -> PaperRuntimeContract.fills(runtime.status()) >= 2);
                    long durableBeforeCut = runtime.store().journal().lastSequence();

                    proxy.cut();
                    await().atMost(Duration.ofSeconds(60)).until(() -> !runtime.status().journalHealthy());
                    CommandResult refused = runtime.loop().submit(new SubmitOrder(OrderRequest.market(
                            PaperRuntimeContract.ACC, BotId.NONE, Symbol.of("INFY"), Side.BUY, 1, Product.CNC)))
                            .get(10, TimeUnit.SECONDS);
                    assertThat(refused.accepted()).isFalse();
                    assertThat(refused.reasonCode()).isEqualTo("ORDER_JOURNAL_UNAVAILABLE");
                    await().atMost(Duration.ofSeconds(10))
                            .until(() -> notices.stream().anyMatch(n -> n.startsWith("database unreachable")));

                    proxy.restore();
                    await().atMost(Duration.ofSeconds(60)).until(() -> runtime.status().journalHealthy());
                    long fillsAfter = PaperRuntimeContract.fills(runtime.status());
                    await().atMost(Duration.ofSeconds(60))
                            .until(() -> PaperRuntimeContract.fills(runtime.status()) >= fillsAfter + 2);
                    CommandResult accepted = runtime.loop().submit(new SubmitOrder(OrderRequest.market(
                            PaperRuntimeContract.ACC, BotId.NONE, Symbol.of("INFY"), Side.BUY, 1, Product.CNC)))
                            .get(10, TimeUnit.SECONDS);
                    assertThat(accepted.accepted()).isTrue();
                    assertThat(runtime.store().journal().lastSequence()).isGreaterThan(durableBeforeCut);
                    assertThat(notices).anyMatch(n -> n.startsWith("database reachable again"));
                }
                // Everything the engine emitted is in the journal: no gap, the refused order included.
                try (var dataSource = Stores.dataSource(database.config()); Connection c = dataSource.getConnection();
                     Statement s = c.createStatement()) {
                    try (ResultSet r = s.executeQuery("SELECT COUNT(*), MAX(sequence) FROM events")) {
                        r.next();
                        assertThat(r.getLong(1)).isEqualTo(r.getLong(2));
                    }
                    try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM orders WHERE status = 'DENIED' "
                            + "AND reason_code = 'ORDER_JOURNAL_UNAVAILABLE'")) {
                        r.next();
                        assertThat(r.getLong(1)).isPositive();
                    }
                    assertThat(new JournalVerifier(dataSource, database.config().loadJournalKey(false)).verify().ok()).isTrue();
                }
            }
        }
    }

    @Test
    void anOrderAcceptedAsTheDatabaseHangsIsRejectedUnsentAfterTheDeadline() throws Exception {
        List<String> notices = new CopyOnWriteArrayList<>();
        try (PostgresTestDatabase database = PostgresTestDatabase.create(dir)) {
            URI server = server(database);
            try (TcpProxy proxy = new TcpProxy(server.getHost(), server.getPort())) {
                StoreConfig config = through(proxy, database);
                Symbol infy = Symbol.of("INFY");
                try (PaperRuntime runtime = PaperRuntime.start(PaperRuntimeContract.quiet(dir, Duration.ZERO), config,
                        10, notices::add)) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> runtime.loop().call(e -> e.lastPrice(infy))
                            .get() > 0);
                    // The database hangs at the very moment the order is placed: the journal still looked
                    // healthy, so the order passed every check, but its submission can never become durable.
                    CommandResult held = runtime.loop().call(e -> {
                        proxy.stall();
                        return e.execute(new SubmitOrder(OrderRequest.market(PaperRuntimeContract.ACC, BotId.NONE,
                                infy, Side.BUY, 1, Product.CNC)));
                    }).get(10, TimeUnit.SECONDS);
                    assertThat(held.accepted()).isTrue();
                    long id = held.orderId().orElseThrow().value();
                    // The deadline (2 s) passes: the order ends rejected, unsent, while the database still hangs.
                    await().atMost(Duration.ofSeconds(15)).until(() -> runtime.loop().call(e -> e.openOrders().isEmpty())
                            .get());
                    assertThat(runtime.status().journalHealthy()).isFalse();

                    proxy.flow();
                    await().atMost(Duration.ofSeconds(60)).until(() -> runtime.status().journalHealthy());
                    await().atMost(Duration.ofSeconds(60)).until(() -> PaperRuntimeContract.rows(database.config(), "SELECT status, reason_code "
                            + "FROM orders WHERE order_id = " + id).equals(List.of("REJECTED|ORDER_DURABILITY_TIMEOUT")));
                    assertThat(PaperRuntimeContract.rows(database.config(), "SELECT COUNT(*) FROM fills WHERE order_id = " + id)).containsExactly("0");
                    assertThat(PaperRuntimeContract.rows(database.config(), "SELECT COUNT(*) FROM events WHERE type = 'OrderAccepted' "
                            + "AND causation_id = " + id)).as("never reached the venue").containsExactly("0");
                }
            }
        }
    }

    private static URI server(PostgresTestDatabase database) {
        return URI.create(database.config().database().orElseThrow().jdbcUrl().substring("jdbc:".length()));
    }

    /** The test database's configuration, reaching the server through {@code proxy}. */
    private static StoreConfig through(TcpProxy proxy, PostgresTestDatabase database) {
        PostgresUrl direct = database.config().database().orElseThrow();
        URI server = server(database);
        String proxied = direct.jdbcUrl().replace(server.getHost() + ":" + server.getPort(),
                "127.0.0.1:" + proxy.port());
        return database.config().withDatabase(new PostgresUrl(proxied, direct.user(), direct.password()));
    }
}
