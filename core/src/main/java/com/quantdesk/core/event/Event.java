package com.quantdesk.core.event;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import java.time.Instant;

/**
 * Something that happened in the engine. Events are past tense, immutable and numbered: the
 * {@link #sequence()} increases by one for every event an engine emits, so a run's events form one
 * gap-free, replayable stream.
 */
public sealed interface Event
        permits OrderEvent, PositionChanged, TradingStateChanged, RiskAlert, RiskConfigChanged, AccountOpened,
                BotCreated, BotStateChanged, RiskSessionChanged, ClosingPriceRecorded, AuditRecorded {

    /** Position in the engine's event stream, starting at 1. */
    long sequence();

    /** Engine-clock time of the event. */
    Instant time();

    /** The account concerned, or {@link AccountId#SYSTEM}. */
    AccountId account();

    /** The bot concerned, or {@link BotId#NONE}. */
    BotId bot();

    /**
     * Id of the command this event follows from: the order id for everything in an order's life
     * (including the positions its fills move), the command id for other commands.
     */
    long causationId();
}
