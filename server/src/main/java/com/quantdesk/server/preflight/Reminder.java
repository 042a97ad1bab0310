package com.quantdesk.server.preflight;

/**
 * A go-live item no software can check (a network boundary, an on-call rota, a sign-off), with the
 * runbook section that says how to meet it.
 *
 * @param id      stable name, also the runbook section's anchor
 * @param text    what to make sure of
 * @param runbook path of the runbook section, relative to the repository root
 */
public record Reminder(String id, String text, String runbook) {
}
