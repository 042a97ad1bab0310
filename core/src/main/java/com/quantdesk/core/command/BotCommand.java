package com.quantdesk.core.command;

import com.quantdesk.core.domain.BotId;
import java.util.Objects;

/**
 * Change a bot's life: start, pause, resume, stop or delete it.
 *
 * <ul>
 *   <li>{@code START}: a stopped bot gets a fresh strategy instance and takes bars again; its
 *       positions and counters are those it had.</li>
 *   <li>{@code PAUSE}: it keeps taking bars but its new orders are refused; {@code RESUME} lifts
 *       only that, never a halt the risk engine put on the bot.</li>
 *   <li>{@code STOP}: its open orders are cancelled and it takes no more bars; positions stay.</li>
 *   <li>{@code DELETE}: stopped first if need be, then removed; its history stays in the journal.</li>
 * </ul>
 *
 * @param bot    the bot
 * @param action what to do
 * @param reason why, recorded on the event
 * @param actor  who asked
 */
public record BotCommand(BotId bot, Action action, String reason, String actor) implements Command {

    /** What to do to the bot. */
    public enum Action {
        /** Stopped to running. */
        START,
        /** Running to paused. */
        PAUSE,
        /** Paused to running. */
        RESUME,
        /** Running or paused to stopped. */
        STOP,
        /** Any state to deleted. */
        DELETE
    }

    /** Validates the command. */
    public BotCommand {
        Objects.requireNonNull(bot, "bot");
        Objects.requireNonNull(action, "action");
        reason = reason == null || reason.isBlank() ? "bot " + action.name().toLowerCase(java.util.Locale.ROOT)
                : reason;
        actor = actor == null || actor.isBlank() ? "system" : actor;
    }
}
