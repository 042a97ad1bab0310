package com.quantdesk.server.trading;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.server.db.Sql;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Orders and fills from the query tables the journal writes. Every query is limited to the caller's
 * accounts, and its filters are bound parameters; lists are paged by id, newest first.
 */
public final class OrderQueries {

    private static final String ORDER_COLUMNS = "order_id, account, bot, symbol, side, order_type, product, validity, "
            + "quantity, limit_price, trigger_price, stop_loss_price, tag, status, venue_order_id, filled_quantity, "
            + "filled_value, reason_code, reason, cancel_requested, created_at, updated_at";
    private static final String FILL_COLUMNS = "sequence, order_id, fill_id, account, bot, symbol, side, product, "
            + "quantity, price, charges, time";

    /**
     * Which orders.
     *
     * @param account  one account, or all the caller's
     * @param bot      one bot, or any
     * @param symbol   one symbol, or any
     * @param statuses any of these statuses, or any
     * @param before   orders with a smaller id than this (the cursor), or the newest
     * @param limit    at most this many
     */
    public record OrderFilter(Optional<AccountId> account, Optional<String> bot, Optional<String> symbol,
                              List<String> statuses, Optional<Long> before, int limit) {
    }

    /**
     * Which fills.
     *
     * @param account one account, or all the caller's
     * @param orderId one order's fills, or any
     * @param symbol  one symbol, or any
     * @param before  fills with a smaller id than this (the cursor), or the newest
     * @param limit   at most this many
     */
    public record FillFilter(Optional<AccountId> account, Optional<Long> orderId, Optional<String> symbol,
                             Optional<Long> before, int limit) {
    }

    private final Sql sql;

    /** @param sql the store's database */
    public OrderQueries(Sql sql) {
        this.sql = sql;
    }

    /** A page of orders of {@code accounts}. */
    public Page<OrderView> orders(Collection<AccountId> accounts, OrderFilter filter) {
        Where where = new Where(accounts, filter.account());
        filter.bot().ifPresent(b -> where.and("bot = ?", b));
        filter.symbol().ifPresent(s -> where.and("symbol = ?", s));
        if (!filter.statuses().isEmpty()) {
            where.in("status", filter.statuses());
        }
        filter.before().ifPresent(id -> where.and("order_id < ?", id));
        if (where.empty) {
            return new Page<>(List.of(), null);
        }
        List<OrderView> rows = sql.list("SELECT " + ORDER_COLUMNS + " FROM orders WHERE " + where.sql
                + " ORDER BY order_id DESC LIMIT " + (filter.limit() + 1), OrderQueries::order, where.parameters());
        return page(rows, filter.limit(), o -> Long.toString(o.id()));
    }

    /** One order, if it exists on one of {@code accounts}. */
    public Optional<OrderView> order(Collection<AccountId> accounts, long id) {
        Where where = new Where(accounts, Optional.empty());
        where.and("order_id = ?", id);
        if (where.empty) {
            return Optional.empty();
        }
        return sql.one("SELECT " + ORDER_COLUMNS + " FROM orders WHERE " + where.sql, OrderQueries::order,
                where.parameters());
    }

    /** A page of fills of {@code accounts}. */
    public Page<FillView> fills(Collection<AccountId> accounts, FillFilter filter) {
        Where where = new Where(accounts, filter.account());
        filter.orderId().ifPresent(id -> where.and("order_id = ?", id));
        filter.symbol().ifPresent(s -> where.and("symbol = ?", s));
        filter.before().ifPresent(id -> where.and("sequence < ?", id));
        if (where.empty) {
            return new Page<>(List.of(), null);
        }
        List<FillView> rows = sql.list("SELECT " + FILL_COLUMNS + " FROM fills WHERE " + where.sql
                + " ORDER BY sequence DESC LIMIT " + (filter.limit() + 1), OrderQueries::fill, where.parameters());
        return page(rows, filter.limit(), f -> Long.toString(f.id()));
    }

    private static <T> Page<T> page(List<T> rows, int limit, java.util.function.Function<T, String> cursor) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(List.copyOf(items), cursor.apply(items.getLast()));
    }

    static OrderView order(ResultSet r) throws SQLException {
        long filledQuantity = r.getLong(16);
        long filledValue = r.getLong(17);
        BigDecimal average = filledQuantity == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(filledValue).divide(BigDecimal.valueOf(filledQuantity), 0, RoundingMode.HALF_UP)
                        .movePointLeft(2);
        return new OrderView(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getString(6), r.getString(7), r.getString(8), r.getLong(9), Rupees.of(r.getLong(10)),
                Rupees.of(r.getLong(11)), Rupees.of(r.getLong(12)), r.getString(13), r.getString(14), r.getString(15),
                filledQuantity, average, r.getString(18), r.getString(19), r.getString(20), r.getString(21),
                r.getString(22));
    }

    private static FillView fill(ResultSet r) throws SQLException {
        return new FillView(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6),
                r.getString(7), r.getString(8), r.getLong(9), Rupees.of(r.getLong(10)), Rupees.of(r.getLong(11)),
                r.getString(12));
    }

    /** A WHERE clause of fixed fragments with bound values; never the caller's text as SQL. */
    private static final class Where {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> values = new ArrayList<>();
        private boolean empty;

        Where(Collection<AccountId> accounts, Optional<AccountId> only) {
            List<String> scope = new ArrayList<>();
            for (AccountId account : accounts) {
                if (only.isEmpty() || only.get().equals(account)) {
                    scope.add(account.value());
                }
            }
            empty = scope.isEmpty();
            in("account", scope);
        }

        void and(String condition, Object value) {
            sql.append(sql.isEmpty() ? "" : " AND ").append(condition);
            values.add(value);
        }

        void in(String column, List<String> options) {
            sql.append(sql.isEmpty() ? "" : " AND ").append(column).append(" IN (");
            for (int i = 0; i < options.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
                values.add(options.get(i));
            }
            sql.append(options.isEmpty() ? "NULL)" : ")");
        }

        Object[] parameters() {
            return values.toArray();
        }
    }
}
