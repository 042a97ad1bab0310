package com.quantdesk.server.backtest;

import com.quantdesk.backtest.BacktestConfig;
import com.quantdesk.backtest.BacktestResult;
import com.quantdesk.backtest.BacktestRunner;
import com.quantdesk.backtest.report.HtmlReport;
import com.quantdesk.backtest.report.JsonReport;
import com.quantdesk.backtest.report.ReportData;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.BarInterval;
import com.quantdesk.core.strategy.StrategyCatalog;
import com.quantdesk.core.strategy.StrategyDescriptor;
import com.quantdesk.core.strategy.StrategyParameters;
import com.quantdesk.server.audit.AuditTrail;
import com.quantdesk.server.audit.Caller;
import com.quantdesk.server.auth.Principal;
import com.quantdesk.server.auth.Role;
import com.quantdesk.server.http.ApiError;
import com.quantdesk.server.trading.Rupees;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backtests run as jobs, one at a time on a thread of their own (the engine keeps the other core):
 * a request is checked and queued at once, and its progress, JSON result and HTML report are read
 * later. Results are files in {@code <data>/backtests}, so they outlive a restart.
 */
public final class BacktestJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BacktestJobs.class);
    private static final int MAX_WAITING = 8;
    private static final int MAX_WAITING_PER_USER = 2;
    private static final long MAX_DAYS = 366L * 20;

    /** Where a job is. */
    public enum State {
        /** Waiting for the runner. */
        QUEUED,
        /** Running. */
        RUNNING,
        /** Finished; result and report are there. */
        DONE,
        /** Failed; {@code error} says why. */
        FAILED
    }

    /**
     * What a job asks for.
     *
     * @param strategy    the strategy's catalog name
     * @param params      its parameters as text
     * @param symbols     the symbols
     * @param from        first date
     * @param to          last date
     * @param interval    bar interval
     * @param capital     starting capital, paise
     * @param seed        the synthetic market's seed
     * @param slippageBps slippage of each fill, basis points
     */
    public record Request(String strategy, Map<String, String> params, List<String> symbols, LocalDate from,
                          LocalDate to, BarInterval interval, long capital, long seed, int slippageBps) {
    }

    /** A job as the API shows it. */
    public record Status(String id, String owner, State state, double progress, String error, String submittedAt,
                         String finishedAt, Map<String, Object> summary) {
    }

    private final class Job {
        final String id;
        final String owner;
        final Instant submitted;
        volatile State state = State.QUEUED;
        volatile double progress;
        volatile String error = "";
        volatile Instant finished;
        volatile Map<String, Object> summary = Map.of();

        Job(String id, String owner, Instant submitted) {
            this.id = id;
            this.owner = owner;
            this.submitted = submitted;
        }

        Status status() {
            return new Status(id, owner, state, progress, error, submitted.toString(),
                    finished == null ? null : finished.toString(), summary);
        }
    }

    private final Path directory;
    private final BacktestData data;
    private final StrategyCatalog catalog;
    private final AuditTrail audit;
    private final InstantSource clock;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "backtest-jobs");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        return thread;
    });

    /**
     * @param directory where results are written
     * @param data      where bars come from
     */
    public BacktestJobs(Path directory, BacktestData data, StrategyCatalog catalog, AuditTrail audit,
                        InstantSource clock) {
        this.directory = directory;
        this.data = data;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Checks and queues a job.
     *
     * @throws ApiError 400 naming the field at fault, 429 when too many jobs wait
     */
    public Status submit(Principal principal, Caller caller, Request request) {
        StrategyDescriptor descriptor = catalog.find(request.strategy()).orElseThrow(() -> ApiError.invalidField(
                "strategy", "unknown strategy '" + request.strategy() + "'; one of " + catalog.all().stream()
                        .map(StrategyDescriptor::name).toList()));
        StrategyParameters parameters;
        try {
            parameters = StrategyParameters.resolve(descriptor.parameters(), request.params());
            descriptor.create(parameters);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalidField("params", e.getMessage());
        }
        if (request.symbols().isEmpty()) {
            throw ApiError.invalidField("symbols", "name at least one symbol");
        }
        if (!request.from().isBefore(request.to())
                || request.from().plusDays(MAX_DAYS).isBefore(request.to())) {
            throw ApiError.invalidField("to", "must be after from, at most 20 years later");
        }
        long mine = jobs.values().stream().filter(j -> j.owner.equals(principal.username())
                && (j.state == State.QUEUED || j.state == State.RUNNING)).count();
        if (mine >= MAX_WAITING_PER_USER || waiting.get() >= MAX_WAITING) {
            throw new ApiError(429, "busy", "Too many backtests waiting", "wait for your running backtests to "
                    + "finish (at most " + MAX_WAITING_PER_USER + " per user, " + MAX_WAITING + " in all)", List.of(),
                    Map.of("retryAfter", 30L));
        }
        String id = Long.toString(clock.millis(), 36) + "-" + Long.toString(
                ThreadLocalRandom.current().nextLong() >>> 1, 36).substring(0, 6);
        Job job = new Job(id, principal.username(), clock.instant());
        jobs.put(id, job);
        waiting.incrementAndGet();
        audit.record(caller.entry(AccountId.SYSTEM, "backtest.start", id, "202 queued", request.strategy() + " "
                + request.params() + " on " + request.symbols() + " " + request.from() + ".." + request.to()));
        runner.execute(() -> run(job, request, descriptor, parameters));
        return job.status();
    }

    private void run(Job job, Request request, StrategyDescriptor descriptor, StrategyParameters parameters) {
        waiting.decrementAndGet();
        job.state = State.RUNNING;
        try {
            List<Symbol> symbols = request.symbols().stream().map(Symbol::of).toList();
            BacktestData.Loaded loaded = data.load(symbols, request.from(), request.to(), request.interval(),
                    request.seed());
            BacktestConfig config = BacktestConfig.standard(descriptor, parameters, loaded.bars(),
                    loaded.instruments(), request.capital(), request.slippageBps());
            BacktestResult result = new BacktestRunner().run(config, (done, total) ->
                    job.progress = total == 0 ? 1 : (double) done / total);
            Files.createDirectories(directory);
            writeAtomically(directory.resolve(job.id + ".json"), out -> JsonReport.write(out, result));
            String html = HtmlReport.render(ReportData.of(result));
            writeAtomically(directory.resolve(job.id + ".html"),
                    out -> out.write(html.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            job.summary = summary(result, loaded.notes());
            job.progress = 1;
            job.state = State.DONE;
        } catch (IllegalArgumentException e) {
            job.error = e.getMessage();
            job.state = State.FAILED;
        } catch (IOException | RuntimeException e) {
            LOG.error("backtest {} failed", job.id, e);
            job.error = "the backtest failed: " + e.getClass().getSimpleName();
            job.state = State.FAILED;
        } finally {
            job.finished = clock.instant();
        }
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void writeAtomically(Path file, Writer writer) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), ".backtest-", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                writer.write(out);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Map<String, Object> summary(BacktestResult r, List<String> notes) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("strategy", r.strategy());
        s.put("symbols", r.symbols().stream().map(Symbol::value).toList());
        s.put("period", ReportData.period(r));
        s.put("bars", r.barCount());
        s.put("initialCapital", Rupees.of(r.initialCapital()));
        s.put("finalEquity", Rupees.of(r.finalEquity()));
        s.put("totalReturn", r.metrics().totalReturn());
        s.put("sharpe", r.metrics().sharpe());
        s.put("maxDrawdown", r.metrics().maxDrawdown());
        s.put("trades", r.metrics().numberOfTrades());
        s.put("orders", r.orders().size());
        s.put("eventStreamSha256", r.eventStreamHash());
        s.put("notes", notes);
        return s;
    }

    /** A job the caller may see (their own; every job for an ADMIN). */
    public Status status(Principal principal, String id) {
        Job job = jobs.get(id);
        if (job != null && (job.owner.equals(principal.username()) || principal.has(Role.ADMIN))) {
            return job.status();
        }
        throw ApiError.notFound("no backtest " + id);
    }

    /** The caller's jobs (every job for an ADMIN), newest first. */
    public List<Status> list(Principal principal) {
        List<Status> list = new ArrayList<>();
        for (Job job : jobs.values()) {
            if (job.owner.equals(principal.username()) || principal.has(Role.ADMIN)) {
                list.add(job.status());
            }
        }
        list.sort(java.util.Comparator.comparing(Status::submittedAt).reversed());
        return list;
    }

    /** The file of a finished job's JSON result ({@code json}) or HTML report ({@code html}). */
    public Path file(Principal principal, String id, String kind) {
        Status status = status(principal, id);
        if (status.state() != State.DONE) {
            throw ApiError.conflict("backtest " + id + " is " + status.state() + "; its result is not there yet");
        }
        return directory.resolve(id + "." + kind);
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
