package com.quantdesk.app;

import org.slf4j.LoggerFactory;

/**
 * Logging configures itself from the environment on first use, which takes tens of milliseconds of a
 * short command's start. The launcher's entry point starts it on a thread of its own while the
 * command line is parsed; the command runs only once it is done, so no logger is ever asked for while
 * it is under way (SLF4J would hand out stand-ins and report their calls on stderr).
 */
final class LogSetup {

    private static volatile Thread setup;

    private LogSetup() {
    }

    /** Starts configuring logging in the background. */
    static void start() {
        setup = Thread.ofPlatform().daemon().name("log-setup").start(LoggerFactory::getILoggerFactory);
    }

    /** Waits until logging is configured, if {@link #start} started it. */
    static void awaitReady() {
        Thread thread = setup;
        if (thread == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
