package com.quantdesk.core.engine;

import com.quantdesk.core.event.Event;

/**
 * Receives every event of an engine, in sequence order, on the engine thread, and the end of each step
 * that emitted events. Must not block.
 */
@FunctionalInterface
public interface EngineListener {

    /** Called once per event. */
    void onEvent(Event event);

    /**
     * The step whose events were just heard is over: the events since the last call belong together
     * (one command, bar or venue report and everything it caused). Not called for steps without events.
     */
    default void onStepEnd() {
    }
}
