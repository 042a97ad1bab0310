package com.quantdesk.core.journal;

import com.quantdesk.core.engine.EngineListener;
import com.quantdesk.core.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Feeds an engine's events to the journal step by step: the events heard between two step ends go
 * to {@link EventJournal#appendStep} together, so the journal can never commit half a step.
 * Register it before any listener that waits for durability (the {@link DurableGateway}).
 */
public final class JournalFeed implements EngineListener {

    private final EventJournal journal;
    private List<Event> step = new ArrayList<>();

    /** A feed into {@code journal}. */
    public JournalFeed(EventJournal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    @Override
    public void onEvent(Event event) {
        step.add(event);
    }

    @Override
    public void onStepEnd() {
        if (step.isEmpty()) {
            return;
        }
        List<Event> done = step;
        step = new ArrayList<>(Math.max(4, done.size()));
        journal.appendStep(done);
    }
}
