package com.quantdesk.server.audit;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.server.auth.Principal;
import com.quantdesk.server.db.Sql;
import com.quantdesk.server.trading.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit trail, read from its query table: entries about the system (logins, users, keys) and
 * about the caller's accounts, newest first, filtered by actor, action or account.
 */
public final class AuditQuery {

    /**
     * One entry.
     *
     * @param id the journal sequence of its {@code AuditRecorded} event
     */
    public record Entry(long id, String time, String actor, String roles, String account, String action,
                        String target, String outcome, String ip, String correlationId, String detail) {
    }

    /**
     * Which entries.
     *
     * @param actor   one actor's, or anyone's
     * @param action  one action (or a prefix ending in '.', like {@code auth.}), or any
     * @param account one account's, or those of every account the caller sees and the system's
     * @param before  entries with a smaller id than this (the cursor), or the newest
     * @param limit   at most this many
     */
    public record Filter(Optional<String> actor, Optional<String> action, Optional<AccountId> account,
                         Optional<Long> before, int limit) {
    }

    private final Sql sql;

    /** @param sql the store's database */
    public AuditQuery(Sql sql) {
        this.sql = sql;
    }

    /** A page of entries the caller may see. */
    public Page<Entry> list(Principal principal, Filter filter) {
        StringBuilder where = new StringBuilder("account IN (?");
        List<Object> values = new ArrayList<>();
        values.add(AccountId.SYSTEM.value());
        for (AccountId account : principal.accounts()) {
            where.append(", ?");
            values.add(account.value());
        }
        where.append(')');
        filter.account().ifPresent(a -> {
            where.append(" AND account = ?");
            values.add(a.value());
        });
        filter.actor().ifPresent(a -> {
            where.append(" AND actor = ?");
            values.add(a);
        });
        filter.action().ifPresent(a -> {
            if (a.endsWith(".")) {
                where.append(" AND action LIKE ?");
                values.add(a.replace("%", "").replace("_", "") + "%");
            } else {
                where.append(" AND action = ?");
                values.add(a);
            }
        });
        filter.before().ifPresent(b -> {
            where.append(" AND sequence < ?");
            values.add(b);
        });
        List<Entry> rows = sql.list("SELECT sequence, time, actor, roles, account, action, target, outcome, ip, "
                + "correlation_id, detail FROM audit_log WHERE " + where + " ORDER BY sequence DESC LIMIT "
                + (filter.limit() + 1), r -> new Entry(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10),
                r.getString(11)), values.toArray());
        if (rows.size() <= filter.limit()) {
            return new Page<>(rows, null);
        }
        List<Entry> items = List.copyOf(rows.subList(0, filter.limit()));
        return new Page<>(items, Long.toString(items.getLast().id()));
    }
}
