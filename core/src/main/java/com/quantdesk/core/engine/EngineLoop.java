package com.quantdesk.core.engine;

import com.quantdesk.core.command.Command;
import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.OrderId;
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
 *
 * <p>An exception escaping a message is logged and journaled as an {@code ENGINE_ERROR} alert, and
 * the loop goes on: the step it broke still ran everything it had queued. An {@link Error} (out of
 * memory, a stack overflow) stops the loop for good: every waiting and later caller gets an
 * {@link EngineStoppedException} at once, so no order can be placed, and the failure handler is told
 * so the process can say it loudly.
 */
public final class EngineLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EngineLoop.class);

    private final TradingEngine engine;
    private final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Consumer<Throwable> onStopped;
    private volatile boolean running = true;
    private volatile Throwable stoppedBy;

    /** Starts a thread named {@code name} that owns {@code engine}. */
    public EngineLoop(TradingEngine engine, String name) {
        this(engine, name, failure -> { });
    }

    /**
     * Starts a thread named {@code name} that owns {@code engine}.
     *
     * @param onStopped told (on the engine thread, as it dies) when an {@link Error} stopped the engine
     */
    public EngineLoop(TradingEngine engine, String name, Consumer<Throwable> onStopped) {
        this.engine = engine;
        this.onStopped = onStopped;
        this.thread = Thread.ofPlatform().name(name).daemon(false).start(this::run);
    }

    /** A message: work for the engine thread, and what to tell its caller if it never runs. */
    private interface Message {
        void run();

        default void abandon(Throwable why) {
        }
    }

    private static final Message POISON = () -> { };

    private void run() {
        for (;;) {
            Message message;
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
                LOG.error("engine message failed", e);
                reportQuietly(e);
            } catch (Error e) {
                stop(e);
                return;
            }
        }
    }

    private void reportQuietly(RuntimeException failure) {
        try {
            engine.reportInternalError(failure);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            LOG.error("engine could not journal the failure as an alert", e);
        }
    }

    private void stop(Error error) {
        stoppedBy = error;
        running = false;
        LOG.error("ENGINE STOPPED: the engine thread died ({}); every order is refused until the process is "
                + "restarted", error.toString(), error);
        EngineStoppedException why = new EngineStoppedException(error);
        Message pending;
        while ((pending = inbox.poll()) != null) {
            pending.abandon(why);
        }
        try {
            onStopped.accept(error);
        } catch (RuntimeException e) {
            LOG.error("engine stop handler failed", e);
        }
    }

    /** Messages (commands, reads, bars, reports) waiting for the engine thread. Any thread. */
    public int backlog() {
        return inbox.size();
    }

    /** Why the engine thread died, or null while it runs. */
    public Throwable stoppedBy() {
        return stoppedBy;
    }

    /**
     * Hands a command to the engine; the future completes on the engine thread with its result. The
     * command runs under the caller's correlation id ({@link CorrelationScope}).
     */
    public CompletableFuture<CommandResult> submit(Command command) {
        return call(e -> e.execute(command));
    }

    /**
     * Runs a read or an action on the engine thread and returns its result; fails at once with an
     * {@link EngineStoppedException} when the engine thread has died. An {@link IllegalArgumentException}
     * is the action refusing its caller's request (no such bot, a bot already paused): it goes to the
     * caller alone. Any other exception also raises an {@code ENGINE_ERROR} alert.
     */
    public <T> CompletableFuture<T> call(Function<TradingEngine, T> action) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Message message = new Message() {
            @Override
            public void run() {
                try {
                    future.complete(action.apply(engine));
                } catch (IllegalArgumentException refused) {
                    future.completeExceptionally(refused);
                } catch (RuntimeException | Error e) {
                    future.completeExceptionally(e instanceof Error error ? new EngineStoppedException(error) : e);
                    throw e;
                }
            }

            @Override
            public void abandon(Throwable why) {
                future.completeExceptionally(why);
            }
        };
        Throwable stopped = stoppedBy;
        if (stopped != null) {
            future.completeExceptionally(new EngineStoppedException(stopped));
            return future;
        }
        post(message);
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
            public void accepted(OrderId orderId, String venueOrderId) {
                post(() -> target.accepted(orderId, venueOrderId));
            }

            @Override
            public void rejected(OrderId orderId, String reasonCode, String message) {
                post(() -> target.rejected(orderId, reasonCode, message));
            }

            @Override
            public void filled(OrderId orderId, String fillId, long quantity, long price, long charges) {
                post(() -> target.filled(orderId, fillId, quantity, price, charges));
            }

            @Override
            public void cancelled(OrderId orderId, String reason) {
                post(() -> target.cancelled(orderId, reason));
            }

            @Override
            public void modified(OrderId orderId, long quantity, long limitPrice, long triggerPrice) {
                post(() -> target.modified(orderId, quantity, limitPrice, triggerPrice));
            }
        };
    }

    private void post(Message posted) {
        Message message = withCorrelation(posted);
        Throwable stopped = stoppedBy;
        if (stopped != null) {
            throw new EngineStoppedException(stopped);
        }
        if (!running) {
            throw new IllegalStateException("engine loop is closed");
        }
        inbox.add(message);
        // The thread may have died between the check and the add; its drain may have missed this one.
        stopped = stoppedBy;
        if (stopped != null && inbox.remove(message)) {
            message.abandon(new EngineStoppedException(stopped));
        }
    }

    /** The message bound to its sender's correlation id and trace context, so the engine thread works under them. */
    private static Message withCorrelation(Message message) {
        CorrelationScope.Handoff handoff = CorrelationScope.capture();
        if (handoff == null) {
            return message;
        }
        return new Message() {
            @Override
            public void run() {
                handoff.run(message::run);
            }

            @Override
            public void abandon(Throwable why) {
                message.abandon(why);
            }
        };
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
        running = false;
        inbox.add(POISON);
        thread.join(TimeUnit.SECONDS.toMillis(10));
        // A message posted while the loop was closing is never run: its caller hears so at once.
        IllegalStateException closed = new IllegalStateException("engine loop is closed");
        Message left;
        while ((left = inbox.poll()) != null) {
            left.abandon(closed);
        }
    }
}
