package com.quantdesk.core.command;

/**
 * Something asked of the engine. Commands are imperative and immutable; the engine answers each
 * with a {@link CommandResult} and records what happened as events.
 */
public sealed interface Command
        permits SubmitOrder, CancelOrder, ModifyOrder, SetTradingState, ActivateKillSwitch, ResetKillSwitch,
                RiskCommand, OpenAccount, CreateBot, BotCommand, RecordAudit {
}
