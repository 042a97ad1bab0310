package com.quantdesk.server.trading;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.portfolio.Portfolio;
import com.quantdesk.core.time.MarketTime;
import com.quantdesk.server.db.Sql;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * P&amp;L by trade date (IST), from the fills table: every fill of an account, in journal order,
 * booked on a portfolio exactly as the engine books it (average cost), so a day's realized P&amp;L is
 * what closing trades that day made against the cost they carried in.
 */
public final class PnlHistory {

    /**
     * One trade date of one account.
     *
     * @param date     the trade date
     * @param realized realized P&amp;L before charges, rupees
     * @param charges  charges, rupees
     * @param net      realized minus charges, rupees
     * @param fills    fills that day
     * @param turnover traded value, rupees
     */
    public record Day(String date, BigDecimal realized, BigDecimal charges, BigDecimal net, long fills,
                      BigDecimal turnover) {
    }

    private final Sql sql;

    /** @param sql the store's database */
    public PnlHistory(Sql sql) {
        this.sql = sql;
    }

    private record FillRow(String account, Symbol symbol, Side side, Product product, long quantity, long price,
                           long charges, Instant time) {
    }

    /** Each account's realized P&amp;L and charges accumulated before {@code today}. */
    public Map<AccountId, AccountBoard.DayStart> dayStarts(LocalDate today) {
        Map<String, Portfolio> books = new HashMap<>();
        for (FillRow f : fills(null)) {
            if (MarketTime.tradeDate(f.time()).isBefore(today)) {
                books.computeIfAbsent(f.account(), a -> new Portfolio(AccountId.of(a), 0))
                        .applyFill(f.symbol(), f.product(), f.side(), f.quantity(), f.price(), f.charges());
            }
        }
        Map<AccountId, AccountBoard.DayStart> starts = new HashMap<>();
        books.forEach((account, book) -> starts.put(AccountId.of(account),
                new AccountBoard.DayStart(today, book.realizedPnl(), book.chargesPaid())));
        return starts;
    }

    /** The days of {@code account} from {@code from} to {@code to} (inclusive) that had fills. */
    public List<Day> days(AccountId account, LocalDate from, LocalDate to) {
        Portfolio book = new Portfolio(account, 0);
        Map<LocalDate, long[]> days = new TreeMap<>();
        for (FillRow f : fills(account.value())) {
            long realizedBefore = book.realizedPnl();
            book.applyFill(f.symbol(), f.product(), f.side(), f.quantity(), f.price(), f.charges());
            LocalDate date = MarketTime.tradeDate(f.time());
            if (date.isBefore(from) || date.isAfter(to)) {
                continue;
            }
            long[] day = days.computeIfAbsent(date, d -> new long[4]);
            day[0] = Math.addExact(day[0], book.realizedPnl() - realizedBefore);
            day[1] = Math.addExact(day[1], f.charges());
            day[2]++;
            day[3] = Math.addExact(day[3], Math.multiplyExact(f.quantity(), f.price()));
        }
        List<Day> list = new ArrayList<>();
        days.forEach((date, d) -> list.add(new Day(date.toString(), Rupees.of(d[0]), Rupees.of(d[1]), Rupees.of(d[0] - d[1]),
                d[2], Rupees.of(d[3]))));
        return list;
    }

    private List<FillRow> fills(String account) {
        String where = account == null ? "" : " WHERE account = ?";
        Object[] parameters = account == null ? new Object[0] : new Object[] {account};
        return sql.list("SELECT account, symbol, side, product, quantity, price, charges, time FROM fills" + where
                + " ORDER BY sequence", r -> new FillRow(r.getString(1), Symbol.of(r.getString(2)),
                Side.valueOf(r.getString(3)), Product.valueOf(r.getString(4)), r.getLong(5), r.getLong(6),
                r.getLong(7), Instant.parse(r.getString(8))), parameters);
    }
}
