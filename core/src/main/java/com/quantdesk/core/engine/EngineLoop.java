package com.quantdesk.core.engine;

import com.quantdesk.core.command.Command;
import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.domain.Bar;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's own thread for live and paper mode. Other threads never touch the engine: they put
 * messages in its inbox and, for commands, get a {@link CompletableFuture} with the answer.
 * Messages run one at a time in arrival order.
 */
public final class EngineLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);
    private static final Runnable POISON = () -> { };

    private final TradingEngine engine;
    private final BlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts a thread named {@code name} that owns {@code engine}. */
    public EngineLoop(TradingEngine engine, String name) {
        this.engine = engine;
        this.thread = Thread.ofPlatform().name(name).daemon(false).start(this::run);
    }

    private void run() {
        for (;;) {
            Runnable message;
            try {
                message = inbox.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (message == POISON) {
                return;
            }
            try {
                message.run();
            } catch (RuntimeException e) {
                // A failed message must not take the engine thread down with it; its future carries the error.
                LOG.error("engine message failed", e);
            }
        }
    }

    /** Hands a command to the engine; the future completes on the engine thread with its result. */
    public CompletableFuture<CommandResult> submit(Command command) {
        return call(e -> e.execute(command));
    }

    /** Runs a read or an action on the engine thread and returns its result. */
    public <T> CompletableFuture<T> call(Function<TradingEngine, T> action) {
        CompletableFuture<T> future = new CompletableFuture<>();
        post(() -> {
            try {
                future.complete(action.apply(engine));
            } catch (RuntimeException e) {
                future.completeExceptionally(e);
                throw e;
            }
        });
        return future;
    }

    /** Hands a bar to the engine. */
    public void onBar(Bar bar) {
        post(() -> engine.onBar(bar));
    }

    /** Runs {@code action} on the engine thread, without an answer. */
    public void execute(Consumer<TradingEngine> action) {
        post(() -> action.accept(engine));
    }

    /** An {@link ExecutionReports} that forwards every report to the engine thread. */
    public ExecutionReports reports() {
        ExecutionReports target = engine.reports();
        return new ExecutionReports() {
            @Override
            public void accepted(com.quantdesk.core.domain.OrderId orderId, String venueOrderId) {
                post(() -> target.accepted(orderId, venueOrderId));
            }

            @Override
            public void rejected(com.quantdesk.core.domain.OrderId orderId, String reasonCode, String message) {
                post(() -> target.rejected(orderId, reasonCode, message));
            }

            @Override
            public void filled(com.quantdesk.core.domain.OrderId orderId, String fillId, long quantity, long price,
                               long charges) {
                post(() -> target.filled(orderId, fillId, quantity, price, charges));
            }

            @Override
            public void cancelled(com.quantdesk.core.domain.OrderId orderId, String reason) {
                post(() -> target.cancelled(orderId, reason));
            }

            @Override
            public void modified(com.quantdesk.core.domain.OrderId orderId, long quantity, long limitPrice,
                                 long triggerPrice) {
                post(() -> target.modified(orderId, quantity, limitPrice, triggerPrice));
            }
        };
    }

    private void post(Runnable message) {
        if (!running) {
            throw new IllegalStateException("engine loop is closed");
        }
        inbox.add(message);
    }

    /** Whether the caller is the engine thread. */
    public boolean isEngineThread() {
        return Thread.currentThread() == thread;
    }

    /** Processes what is already queued, then stops the thread (waits up to 10 s). */
    @Override
    public void close() throws InterruptedException {
        if (!running) {
            return;
        }
        inbox.add(POISON);
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(10));
    }
}
