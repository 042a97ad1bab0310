package com.quantdesk.server.trading;

import com.quantdesk.core.engine.EngineLoop;
import com.quantdesk.core.engine.EngineStoppedException;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.journal.EventJournal;
import com.quantdesk.server.http.ApiError;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Request threads' way to the engine: a read or a change runs on the engine thread through its
 * inbox; a change answers only once every event it caused is durable in the journal. An engine that
 * stopped or does not answer in time is a 503 (nothing is assumed done); an
 * {@link IllegalArgumentException} from the engine is the request refused, a 400.
 */
public final class EngineAccess {

    private final EngineLoop loop;
    private final EventJournal journal;
    private final Duration timeout;

    /**
     * @param loop    the engine's inbox
     * @param journal the journal whose durability a change waits for
     * @param timeout how long a request waits for the engine, and again for the journal
     */
    public EngineAccess(EngineLoop loop, EventJournal journal, Duration timeout) {
        this.loop = loop;
        this.journal = journal;
        this.timeout = timeout;
    }

    /** A change's result and the last event sequence it may have caused. */
    public record Done<T>(T value, long lastSequence) {
    }

    /** Runs a read on the engine thread. */
    public <T> T read(Function<TradingEngine, T> read) {
        return await(loop.call(read), "the engine");
    }

    /** Runs a change on the engine thread and returns once its events are durable. */
    public <T> Done<T> change(Function<TradingEngine, T> change) {
        Done<T> done = await(loop.call(engine -> new Done<>(change.apply(engine), engine.nextSequence() - 1)),
                "the engine");
        await(journal.durable(done.lastSequence()), "the journal");
        return done;
    }

    /** Whether every event the engine has made so far is durable (false when it cannot tell). */
    public boolean everythingDurable() {
        long last = read(e -> e.nextSequence() - 1);
        CompletableFuture<Void> durable = journal.durable(last);
        return durable.isDone() && !durable.isCompletedExceptionally();
    }

    /** Whether the engine thread is alive. */
    public boolean running() {
        return loop.stoppedBy() == null;
    }

    /** The engine's inbox, for listeners and timers. */
    public EngineLoop loop() {
        return loop;
    }

    /** The journal. */
    public EventJournal journal() {
        return journal;
    }

    private <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.unavailable("interrupted while waiting for " + what);
        } catch (TimeoutException e) {
            throw ApiError.unavailable(what + " did not answer within " + timeout.toMillis() + " ms; nothing is "
                    + "confirmed: check the state before trying again");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException refused) {
                throw ApiError.invalid(refused.getMessage(), java.util.List.of());
            }
            if (cause instanceof ApiError error) {
                throw error;
            }
            if (cause instanceof EngineStoppedException) {
                throw ApiError.unavailable("the engine has stopped after an internal error; no order is accepted "
                        + "until the process is restarted");
            }
            throw ApiError.unavailable(what + " failed to confirm the request: " + cause.getClass().getSimpleName());
        } catch (EngineStoppedException e) {
            throw ApiError.unavailable("the engine has stopped after an internal error; no order is accepted "
                    + "until the process is restarted");
        } catch (IllegalStateException e) {
            throw ApiError.unavailable("the engine is shutting down");
        }
    }
}
