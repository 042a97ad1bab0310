package com.quantdesk.server.preflight;

import java.util.Objects;

/**
 * The outcome of one check.
 *
 * @param id      stable name of the check, e.g. {@code database.migrated} (what alerts and scripts key on)
 * @param verdict pass, warn or fail
 * @param reason  what was found, in one sentence
 * @param fix     what to do about it; empty when the check passed
 */
public record Finding(String id, Verdict verdict, String reason, String fix) {

    /** Validates. */
    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fix, "fix");
        if (verdict != Verdict.PASS && fix.isBlank()) {
            throw new IllegalArgumentException(id + ": a " + verdict + " needs a fix");
        }
    }

    /** A passed check. */
    public static Finding pass(String id, String reason) {
        return new Finding(id, Verdict.PASS, reason, "");
    }

    /** A warning, with what to do. */
    public static Finding warn(String id, String reason, String fix) {
        return new Finding(id, Verdict.WARN, reason, fix);
    }

    /** A failure, with what to do. */
    public static Finding fail(String id, String reason, String fix) {
        return new Finding(id, Verdict.FAIL, reason, fix);
    }
}
