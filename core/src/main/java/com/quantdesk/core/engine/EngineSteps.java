package com.quantdesk.core.engine;

import java.util.ArrayDeque;

/**
 * Runs the engine's work as steps. A step is one input (a command, a bar, a venue report, a timer)
 * and everything it causes; work that arrives while a step runs (a venue answering synchronously, a
 * risk action, a strategy callback) is queued and runs before the step ends, so state is never seen
 * half updated and events keep a strict order. When a step that emitted events ends, the listeners
 * are told, so the journal can commit the step's events together.
 *
 * <p>A failure inside a step does not drop what the step queued: every queued piece of work still
 * runs (a kill switch a risk rule asked for, say), the step still ends, and then the first failure
 * is rethrown with the others suppressed on it. An {@link Error} is different: the engine cannot be
 * trusted after one, so the step is abandoned (its events are not handed on as a step) and the
 * error goes up to stop the engine. Engine thread only.
 */
final class EngineSteps {

    private final ArrayDeque<Runnable> deferred = new ArrayDeque<>();
    private final Runnable stepEnded;
    private boolean busy;
    private int events;

    /** @param stepEnded called when a step that emitted events ends */
    EngineSteps(Runnable stepEnded) {
        this.stepEnded = stepEnded;
    }

    /** Whether a step is running. */
    boolean busy() {
        return busy;
    }

    /** Counts an event of the current step. */
    void eventEmitted() {
        events++;
    }

    /** Queues work to run before the current step ends. */
    void defer(Runnable work) {
        deferred.add(work);
    }

    /** Runs {@code work} as a step, or queues it when a step is already running. */
    void drive(Runnable work) {
        if (busy) {
            deferred.add(work);
            return;
        }
        begin();
        RuntimeException failure = null;
        try {
            work.run();
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            abandon();
            throw e;
        }
        end(failure);
    }

    /** Starts a step; the caller must call {@link #end} (the backtest's hot path uses this pair). */
    void begin() {
        busy = true;
    }

    /**
     * Runs what the step queued, ends it and rethrows the first failure (the step's own, else the
     * first queued work's), the rest suppressed on it.
     */
    void end(RuntimeException stepFailure) {
        RuntimeException failure = stepFailure;
        Runnable next;
        while ((next = deferred.poll()) != null) {
            try {
                next.run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            } catch (Error e) {
                abandon();
                throw e;
            }
        }
        busy = false;
        if (events != 0) {
            events = 0;
            stepEnded.run();
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** After an {@link Error}: the step is dropped, queued work and all; nothing is handed on. */
    void abandon() {
        deferred.clear();
        busy = false;
        events = 0;
    }
}
