package com.quantdesk.server.preflight;

import java.util.List;

/**
 * Every finding of one preflight run and the reminders that go with it.
 *
 * @param checkedAt ISO-8601 instant of the run
 * @param mode      {@code paper} or {@code live}
 * @param verdict   the worst verdict of the findings (FAIL: no-go)
 * @param findings  one per check, in the order they ran
 * @param reminders what software cannot check
 */
public record PreflightReport(String checkedAt, String mode, Verdict verdict, List<Finding> findings,
                              List<Reminder> reminders) {

    /** Copies the lists. */
    public PreflightReport {
        findings = List.copyOf(findings);
        reminders = List.copyOf(reminders);
    }

    /** A report over {@code findings}, its verdict the worst of them. */
    public static PreflightReport of(String checkedAt, String mode, List<Finding> findings,
                                     List<Reminder> reminders) {
        Verdict worst = Verdict.PASS;
        for (Finding f : findings) {
            if (f.verdict().compareTo(worst) > 0) {
                worst = f.verdict();
            }
        }
        return new PreflightReport(checkedAt, mode, worst, findings, reminders);
    }

    /** How many findings have {@code verdict}. */
    public long count(Verdict verdict) {
        return findings.stream().filter(f -> f.verdict() == verdict).count();
    }

    /** The report as the terminal shows it: one line per check, its fix under it, then the reminders. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append("Quantdesk preflight (").append(mode).append(") at ").append(checkedAt).append('\n');
        int width = findings.stream().mapToInt(f -> f.id().length()).max().orElse(0);
        for (Finding f : findings) {
            out.append(String.format("%-4s  %-" + width + "s  %s%n", f.verdict(), f.id(), f.reason()));
            if (!f.fix().isEmpty()) {
                out.append(" ".repeat(6 + width + 2)).append("fix: ").append(f.fix()).append('\n');
            }
        }
        out.append('\n').append("Also make sure of (software cannot check these):").append('\n');
        for (Reminder r : reminders) {
            out.append("  - ").append(r.text()).append("  (").append(r.runbook()).append(")\n");
        }
        out.append('\n').append(switch (verdict) {
            case PASS -> "GO: every check passed";
            case WARN -> "GO with " + count(Verdict.WARN) + " warning(s): read them before real money";
            case FAIL -> "NO-GO: " + count(Verdict.FAIL) + " check(s) failed";
        }).append(" (").append(count(Verdict.PASS)).append(" pass, ").append(count(Verdict.WARN))
                .append(" warn, ").append(count(Verdict.FAIL)).append(" fail)\n");
        return out.toString();
    }
}
