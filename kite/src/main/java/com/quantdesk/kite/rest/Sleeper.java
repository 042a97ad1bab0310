package com.quantdesk.kite.rest;

import java.time.Duration;

/** Waits; injected so tests advance a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** The real thing: {@link Thread#sleep(Duration)}. */
    Sleeper SYSTEM = Thread::sleep;

    /** Waits for {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;
}
