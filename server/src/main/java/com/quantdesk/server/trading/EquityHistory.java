package com.quantdesk.server.trading;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.time.MarketTime;
import com.quantdesk.server.db.Sql;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Equity curves: each account's equity and each bot's net P&amp;L over time, sampled from the
 * {@link AccountBoard} at most once per market minute. Market time is the board's {@code asOf}, the
 * engine's clock, which in paper trading may run many times faster than the wall clock.
 *
 * <p>The current trade date (IST) is kept in memory, at most {@value #MAX_POINTS_PER_DAY} samples
 * per scope, and dropped when the date changes. Every sample is also written to the database, one
 * batch per minute for all scopes, on a writer thread of its own so that a slow database never holds
 * up the board; a restart reads the day back. Past days are read from the database as their last
 * sample each.
 *
 * <p>Threads: {@link #sample} is called by one thread (the server's chores); the reads by any.
 */
public final class EquityHistory implements AutoCloseable {

    /** The most samples one scope keeps for one day (a day has 1,440 market minutes). */
    public static final int MAX_POINTS_PER_DAY = 1_500;
    /** How many trade dates of minute samples the database keeps; the days' closes are kept for good. */
    static final int KEEP_SAMPLE_DAYS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(EquityHistory.class);
    private static final long MINUTE_MILLIS = 60_000L;
    private static final int WRITES_QUEUED = 1_000;

    /** What a curve is of. */
    public enum Kind {
        /** An account's equity: cash plus positions at their last price. */
        ACCOUNT,
        /** A bot's net P&amp;L: realized plus unrealized less charges. */
        BOT;

        String column() {
            return this == ACCOUNT ? "account" : "bot";
        }

        static Kind of(String column) {
            return switch (column) {
                case "account" -> ACCOUNT;
                case "bot" -> BOT;
                default -> throw new IllegalArgumentException("unknown equity scope kind " + column);
            };
        }
    }

    /** One curve: an account or a bot. */
    public record Scope(Kind kind, String id) {

        /** An account's equity curve. */
        public static Scope account(AccountId account) {
            return new Scope(Kind.ACCOUNT, account.value());
        }

        /** A bot's net P&amp;L curve. */
        public static Scope bot(BotId bot) {
            return new Scope(Kind.BOT, bot.value());
        }
    }

    /** A value in paise at a moment of market time. */
    public record Point(Instant time, long value) {
    }

    /** The day in memory: its trade date and each scope's samples. */
    private record Day(LocalDate date, Map<Scope, EquitySeries> series) {
    }

    private final EquityStore store;
    private final ThreadPoolExecutor writer;
    private volatile Day day;
    // Sampling thread only: the market minute of the last sample; nothing at or before it is sampled
    // again (a paper clock may restart behind samples it took before the restart).
    private long lastMinute = Long.MIN_VALUE;

    /**
     * Reads back the samples of the trade date of {@code now}.
     *
     * @param sql the store's database
     * @param now the engine's time (the board's {@code asOf})
     */
    public EquityHistory(Sql sql, Instant now) {
        this.store = new EquityStore(sql);
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(WRITES_QUEUED),
                r -> {
                    Thread t = new Thread(r, "equity-writer");
                    t.setDaemon(true);
                    return t;
                }, (task, executor) -> {
                    if (!executor.isShutdown()) {
                        LOG.warn("equity samples not saved: the database is {} batches behind", WRITES_QUEUED);
                    }
                });
        this.day = load(MarketTime.tradeDate(now));
    }

    /**
     * Records a sample of every account and bot on {@code board} if its market minute is later than
     * the last one sampled, and starts a new day when its trade date is later than the day's.
     */
    public void sample(AccountBoard.Board board) {
        Instant asOf = board.asOf();
        LocalDate date = MarketTime.tradeDate(asOf);
        Day current = day;
        if (date.isAfter(current.date())) {
            current = load(date);
            day = current;
            LocalDate cutoff = date.minusDays(KEEP_SAMPLE_DAYS);
            writer.execute(() -> save(() -> store.pruneBefore(cutoff)));
        } else if (date.isBefore(current.date())) {
            return;
        }
        long minute = Math.floorDiv(asOf.toEpochMilli(), MINUTE_MILLIS);
        if (minute <= lastMinute) {
            return;
        }
        lastMinute = minute;
        List<EquityStore.Sample> samples = new ArrayList<>();
        for (AccountBoard.AccountFigures a : board.accounts().values()) {
            add(current, samples, Scope.account(a.account()), asOf, a.equity());
        }
        for (AccountBoard.BotFigures b : board.bots().values()) {
            add(current, samples, Scope.bot(b.bot()), asOf, net(b));
        }
        if (!samples.isEmpty()) {
            writer.execute(() -> save(() -> store.save(samples)));
        }
    }

    /**
     * The scope's samples of the board's trade date, oldest first, then its value on the board when
     * that is later than the last sample.
     */
    public List<Point> day(Scope scope, AccountBoard.Board board) {
        Day current = day;
        List<Point> points = new ArrayList<>();
        EquitySeries series = current.series().get(scope);
        if (series != null && current.date().equals(MarketTime.tradeDate(board.asOf()))) {
            points = series.points();
        }
        return withLatest(points, latest(scope, board));
    }

    /**
     * The scope's last sample of every trade date before the board's, oldest first, then its value on
     * the board.
     */
    public List<Point> all(Scope scope, AccountBoard.Board board) {
        List<Point> points = new ArrayList<>(store.closesBefore(scope, MarketTime.tradeDate(board.asOf())));
        return withLatest(points, latest(scope, board));
    }

    /** Saves what is queued, then stops the writer. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("equity samples still unsaved at shutdown were dropped");
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            writer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** A scope's value on the board, if the board has it. */
    static Optional<Point> latest(Scope scope, AccountBoard.Board board) {
        return switch (scope.kind()) {
            case ACCOUNT -> Optional.ofNullable(board.accounts().get(AccountId.of(scope.id())))
                    .map(a -> new Point(board.asOf(), a.equity()));
            case BOT -> Optional.ofNullable(board.bots().get(BotId.of(scope.id())))
                    .map(b -> new Point(board.asOf(), net(b)));
        };
    }

    private static long net(AccountBoard.BotFigures bot) {
        return Math.subtractExact(Math.addExact(bot.realized(), bot.unrealized()), bot.charges());
    }

    private static List<Point> withLatest(List<Point> points, Optional<Point> latest) {
        latest.filter(p -> points.isEmpty() || p.time().isAfter(points.getLast().time())).ifPresent(points::add);
        return points;
    }

    private static void add(Day day, List<EquityStore.Sample> samples, Scope scope, Instant time, long value) {
        EquitySeries series = day.series().computeIfAbsent(scope, s -> new EquitySeries(MAX_POINTS_PER_DAY));
        if (series.add(time.toEpochMilli(), value)) {
            samples.add(new EquityStore.Sample(scope, day.date(), new Point(time, value)));
        }
    }

    /** The samples of {@code date} the database holds (none when it cannot be read). */
    private Day load(LocalDate date) {
        Map<Scope, EquitySeries> series = new ConcurrentHashMap<>();
        try {
            store.day(date).forEach((scope, points) -> {
                EquitySeries s = new EquitySeries(MAX_POINTS_PER_DAY);
                for (Point p : points) {
                    s.add(p.time().toEpochMilli(), p.value());
                    lastMinute = Math.max(lastMinute, Math.floorDiv(p.time().toEpochMilli(), MINUTE_MILLIS));
                }
                series.put(scope, s);
            });
        } catch (RuntimeException e) {
            LOG.warn("equity samples of {} not read back: {}", date, e.getMessage());
        }
        return new Day(date, series);
    }

    private static void save(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            LOG.warn("equity samples not saved: {}", e.getMessage());
        }
    }
}
