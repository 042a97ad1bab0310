package com.quantdesk.server.trading;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.server.auth.Principal;
import com.quantdesk.server.http.ApiError;
import com.quantdesk.server.http.Json;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Accounts, positions, portfolios and P&amp;L of the caller's accounts, from the board the engine
 * thread refreshes (no request waits for the engine) and, for past days, from the fills table.
 */
public final class Portfolios {

    /** An account in a list. */
    public record AccountView(String id, BigDecimal initialCash, BigDecimal cash, BigDecimal equity,
                              String tradingState) {
    }

    /**
     * Today's P&amp;L of an account (rupees): realized today before charges, unrealized on open
     * positions at their last price, today's charges, and their sum less charges.
     */
    public record DayPnl(BigDecimal realized, BigDecimal unrealized, BigDecimal charges, BigDecimal net) {
    }

    /** One account's portfolio (rupees). */
    public record PortfolioView(String account, String asOf, BigDecimal initialCash, BigDecimal cash,
                                BigDecimal marketValue, BigDecimal equity, BigDecimal realized, BigDecimal unrealized,
                                BigDecimal charges, DayPnl day, String tradingState, List<PositionView> positions) {
    }

    private final Supplier<AccountBoard.Board> board;
    private final PnlHistory history;
    private volatile Answers answers = new Answers(null, Map.of());

    /** @param board the latest copy of the engine's figures */
    public Portfolios(Supplier<AccountBoard.Board> board, PnlHistory history) {
        this.board = board;
        this.history = history;
    }

    /** The caller's accounts. */
    public List<AccountView> accounts(Principal principal) {
        List<AccountView> views = new ArrayList<>();
        for (AccountBoard.AccountFigures a : visible(principal)) {
            views.add(new AccountView(a.account().value(), Rupees.of(a.initialCash()), Rupees.of(a.cash()),
                    Rupees.of(a.equity()), a.state().name()));
        }
        return views;
    }

    /**
     * The portfolios as the API's JSON answer. A board is an immutable snapshot, so the answer for
     * one board and one set of accounts is written once and served to every request until the board
     * is refreshed.
     */
    public String portfoliosJson(Principal principal) {
        AccountBoard.Board now = board.get();
        Answers answers = this.answers;
        if (answers.board() != now) {
            answers = new Answers(now, new ConcurrentHashMap<>());
            this.answers = answers;
        }
        return answers.json().computeIfAbsent(principal.accounts(), accounts -> Json.write(
                Map.of("items", portfolios(now, principal))));
    }

    private record Answers(AccountBoard.Board board, Map<Set<AccountId>, String> json) {
    }

    private List<PortfolioView> portfolios(AccountBoard.Board now, Principal principal) {
        List<PortfolioView> views = new ArrayList<>();
        for (AccountBoard.AccountFigures a : visible(now, principal)) {
            long marketValue = a.equity() - a.cash();
            DayPnl day = new DayPnl(Rupees.of(a.dayRealized()), Rupees.of(a.unrealized()), Rupees.of(a.dayCharges()),
                    Rupees.of(a.dayRealized() + a.unrealized() - a.dayCharges()));
            views.add(new PortfolioView(a.account().value(), now.asOf().toString(), Rupees.of(a.initialCash()),
                    Rupees.of(a.cash()), Rupees.of(marketValue), Rupees.of(a.equity()), Rupees.of(a.realized()),
                    Rupees.of(a.unrealized()), Rupees.of(a.charges()), day, a.state().name(), positions(a)));
        }
        return views;
    }

    /** Positions of the caller's accounts, or of one. */
    public List<PositionView> positions(Principal principal, java.util.Optional<AccountId> account) {
        account.ifPresent(a -> requireVisible(principal, a));
        List<PositionView> views = new ArrayList<>();
        for (AccountBoard.AccountFigures a : visible(principal)) {
            if (account.isEmpty() || account.get().equals(a.account())) {
                views.addAll(positions(a));
            }
        }
        return views;
    }

    /** P&amp;L per trade date of one account. */
    public List<PnlHistory.Day> daily(Principal principal, AccountId account, LocalDate from, LocalDate to) {
        requireVisible(principal, account);
        return history.days(account, from, to);
    }

    /** 404 unless the account is granted to the caller (and exists). */
    public void requireVisible(Principal principal, AccountId account) {
        if (!principal.sees(account) || !board.get().accounts().containsKey(account)) {
            throw ApiError.notFound("no account " + account);
        }
    }

    private List<AccountBoard.AccountFigures> visible(Principal principal) {
        return visible(board.get(), principal);
    }

    private static List<AccountBoard.AccountFigures> visible(AccountBoard.Board now, Principal principal) {
        List<AccountBoard.AccountFigures> list = new ArrayList<>();
        for (AccountBoard.AccountFigures a : now.accounts().values()) {
            if (principal.sees(a.account())) {
                list.add(a);
            }
        }
        list.sort(java.util.Comparator.comparing(a -> a.account().value()));
        return list;
    }

    private static List<PositionView> positions(AccountBoard.AccountFigures a) {
        return a.positions().stream().map(p -> PositionView.of(a.account().value(), p)).toList();
    }
}
