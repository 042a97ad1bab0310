package com.quantdesk.core.market;

import java.util.List;

/**
 * Port to a pull source of ticks: a live broker feed, a synthetic market, or a failover pair of them.
 *
 * <p>Implementations decide "now" from their own injected clock, so a source driven by a manual
 * clock is deterministic. Called from one thread.
 */
public interface TickSource {

    /** The ticks that became available since the previous call, in time order; empty if none. */
    List<Tick> poll();
}
