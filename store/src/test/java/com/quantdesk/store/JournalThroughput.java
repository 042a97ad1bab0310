package com.quantdesk.store;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderAccepted;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.OrderSubmitted;
import com.quantdesk.core.event.PositionChanged;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.order.OrderStatus;
import com.quantdesk.store.journal.JdbcEventJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A hand-run harness (not a test, no assertions) measuring the journal on this machine:
 * <ol>
 *   <li>burst: one thread appends N events of order flow (submitted, accepted, filled, position
 *       changed) as fast as it can, then waits for the last to be durable; events/s and batch sizes;</li>
 *   <li>round trip: 500 times, append one event and wait until it is durable (what an order waits
 *       before it leaves); median and p99.</li>
 * </ol>
 * SQLite always; PostgreSQL too when {@code QD_TEST_DATABASE_URL} is set. Run from the repository root:
 * <pre>
 * mvn -B -q -pl store -am test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp store/target/test-classes:store/target/classes:core/target/classes:$(cat store/target/cp.txt) \
 *     com.quantdesk.store.JournalThroughput [events]
 * </pre>
 */
public final class JournalThroughput {

    private static final AccountId ACCOUNT = AccountId.of("bench");
    private static final BotId BOT = BotId.of("bench-bot");
    private static final Symbol SYMBOL = Symbol.of("RELIANCE");

    private JournalThroughput() {
    }

    /** Runs the harness; the optional argument is the burst size (default 200,000 events). */
    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path directory = Files.createTempDirectory("qd-journal-bench");
        run("SQLite (WAL, synchronous=FULL)", TestDatabase.sqlite(directory), events);
        if (System.getenv(PostgresTestDatabase.ENV) != null) {
            run("PostgreSQL", PostgresTestDatabase.create(directory), events);
        }
    }

    private static void run(String name, TestDatabase database, int count) throws Exception {
        try (database; Store store = Stores.open(database.config())) {
            JdbcEventJournal journal = store.journal();
            List<Event> burst = orderFlow(1, count);
            long start = System.nanoTime();
            burst.forEach(journal::append);
            long appended = System.nanoTime();
            journal.durable(count).get(10, TimeUnit.MINUTES);
            long durable = System.nanoTime();
            long batches = journal.batchesCommitted();
            System.out.printf("%s: burst of %,d events: append %.0f ns/event on the caller; durable after %.2f s"
                            + " = %,.0f events/s; %,d batches, %.0f events per batch%n", name, count,
                    (appended - start) / (double) count, (durable - start) / 1e9,
                    count / ((durable - start) / 1e9), batches, count / (double) batches);

            long[] roundTrips = new long[500];
            List<Event> single = orderFlow(count + 1, roundTrips.length);
            for (int i = 0; i < roundTrips.length; i++) {
                long t0 = System.nanoTime();
                journal.append(single.get(i));
                journal.durable(count + 1 + i).get(1, TimeUnit.MINUTES);
                roundTrips[i] = System.nanoTime() - t0;
            }
            Arrays.sort(roundTrips);
            System.out.printf("%s: append-to-durable of a lone event: median %.2f ms, p99 %.2f ms%n", name,
                    roundTrips[roundTrips.length / 2] / 1e6, roundTrips[roundTrips.length * 99 / 100] / 1e6);
        }
    }

    private static List<Event> orderFlow(long first, int count) {
        List<Event> events = new ArrayList<>(count);
        long sequence = first;
        Instant time = Instant.parse("2026-11-23T03:45:00Z");
        while (events.size() < count) {
            long id = sequence;
            Side side = (id / 4) % 2 == 0 ? Side.BUY : Side.SELL;
            Order order = Order.create(OrderId.of(id), OrderRequest.market(ACCOUNT, BOT, SYMBOL, side, 1,
                    Product.MIS), time).moveTo(OrderStatus.SUBMITTED, time);
            Event[] cycle = {
                new OrderSubmitted(sequence, time, ACCOUNT, BOT, id, order),
                new OrderAccepted(sequence + 1, time, ACCOUNT, BOT, id, order.id(), "V" + id),
                new OrderFilled(sequence + 2, time, ACCOUNT, BOT, id, order.id(), "F" + id, SYMBOL, side,
                        Product.MIS, 1, 2_500_00, 20, 1, 0),
                new PositionChanged(sequence + 3, time, ACCOUNT, BOT, id, SYMBOL, Product.MIS,
                        side == Side.BUY ? 1 : 0, side == Side.BUY ? 2_500_00 : 0, side == Side.BUY ? 2_500_00 : 0, 0)
            };
            for (Event event : cycle) {
                if (events.size() < count) {
                    events.add(event);
                }
            }
            sequence += cycle.length;
            time = time.plusMillis(1);
        }
        return events;
    }
}
