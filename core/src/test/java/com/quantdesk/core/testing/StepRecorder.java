package com.quantdesk.core.testing;

import com.quantdesk.core.event.Event;
import com.quantdesk.core.journal.EventJournal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A journal that records the steps handed to it, each as one list. */
public record StepRecorder(List<List<Event>> steps) implements EventJournal {
    @Override
    public void appendStep(List<Event> step) {
        steps.add(List.copyOf(step));
    }

    @Override
    public CompletableFuture<Void> durable(long sequence) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public boolean isHealthy() {
        return true;
    }

    @Override
    public long lastSequence() {
        return 0;
    }

    @Override
    public void replay(Consumer<Event> sink) {
    }

    @Override
    public void close() {
    }
}
