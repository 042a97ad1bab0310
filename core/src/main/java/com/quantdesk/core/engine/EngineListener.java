package com.quantdesk.core.engine;

import com.quantdesk.core.event.Event;

/** Receives every event of an engine, in sequence order, on the engine thread. Must not block. */
@FunctionalInterface
public interface EngineListener {

    /** Called once per event. */
    void onEvent(Event event);
}
