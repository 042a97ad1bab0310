package com.quantdesk.core.command;

/** A command that changes the risk engine's configuration; every change is recorded as an event. */
public sealed interface RiskCommand extends Command permits SetRiskLimits, SetBotLimits, SetBanList {

    /** Who asked. */
    String actor();
}
