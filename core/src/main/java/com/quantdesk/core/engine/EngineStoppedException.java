package com.quantdesk.core.engine;

/**
 * The engine thread died of an {@link Error} and accepts nothing more: no order, no command, no
 * read. The process must be restarted; the journal holds everything up to the failure.
 */
public final class EngineStoppedException extends IllegalStateException {

    /** The engine was stopped by {@code cause}. */
    public EngineStoppedException(Throwable cause) {
        super("the engine stopped after an internal error (" + cause + "); no orders are accepted until the "
                + "process is restarted", cause);
    }
}
