package com.quantdesk.app.paper;

import com.quantdesk.app.strategies.UserStrategies;
import com.quantdesk.app.strategies.UserStrategy;
import com.quantdesk.core.bot.BotState;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.strategy.StrategyCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Configuration of a paper-trading process, as read from {@code quantdesk.yaml}.
 *
 * @param dataDirectory where the embedded database and other files live
 * @param databaseUrl   PostgreSQL URL ({@code postgresql://user:pass@host:5432/db}), or empty for SQLite
 * @param feed          the synthetic market feed
 * @param venue         the simulated venue
 * @param accounts      trading accounts
 * @param bots          bots (strategy + parameters + symbols + account)
 */
public record PaperConfig(Path dataDirectory, Optional<String> databaseUrl, Feed feed, Venue venue,
                          List<Account> accounts, List<Bot> bots) {

    /** Validates cross-references: every bot's account exists, ids are unique. */
    public PaperConfig {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(databaseUrl, "databaseUrl");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(venue, "venue");
        accounts = List.copyOf(accounts);
        bots = List.copyOf(bots);
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException("accounts: at least one account is needed");
        }
        if (accounts.stream().map(Account::id).distinct().count() != accounts.size()) {
            throw new IllegalArgumentException("accounts: ids must be unique");
        }
        if (bots.stream().map(Bot::id).distinct().count() != bots.size()) {
            throw new IllegalArgumentException("bots: ids must be unique");
        }
        for (Bot bot : bots) {
            if (accounts.stream().noneMatch(a -> a.id().equals(bot.account()))) {
                throw new IllegalArgumentException("bots." + bot.id() + ".account: no account " + bot.account());
            }
            for (Symbol symbol : bot.symbols()) {
                if (!feed.symbols().contains(symbol)) {
                    throw new IllegalArgumentException("bots." + bot.id() + ".symbols: " + symbol
                            + " is not in feed.symbols");
                }
            }
        }
    }

    /** How the synthetic feed behaves. */
    public enum FeedMode {
        /** The market is open at any hour, so a new user sees activity at once. */
        DEMO,
        /** NSE's session hours and holidays. */
        SESSION
    }

    /**
     * The synthetic feed.
     *
     * @param mode     demo or NSE session
     * @param interval time between ticks of one symbol
     * @param seed     random seed
     * @param symbols  symbols quoted
     * @param holidays exchange holidays (session mode)
     * @param warmUp   market history generated at start to prime the bots' indicators (0 = none)
     */
    public record Feed(FeedMode mode, Duration interval, long seed, List<Symbol> symbols, List<LocalDate> holidays,
                       Duration warmUp) {

        /** The default warm-up: an hour of history, enough for look-backs of 60 one-minute bars. */
        public static final Duration DEFAULT_WARM_UP = Duration.ofHours(1);

        /** A feed with the default warm-up. */
        public Feed(FeedMode mode, Duration interval, long seed, List<Symbol> symbols, List<LocalDate> holidays) {
            this(mode, interval, seed, symbols, holidays, DEFAULT_WARM_UP);
        }

        /** Validates the feed. */
        public Feed {
            Objects.requireNonNull(warmUp, "feed.warmUp");
            if (warmUp.isNegative() || warmUp.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("feed.warmUp must be within 0s..24h, was " + warmUp);
            }
            Objects.requireNonNull(mode, "feed.mode");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("feed.interval must be positive, was " + interval);
            }
            symbols = List.copyOf(symbols);
            holidays = List.copyOf(holidays);
            if (symbols.isEmpty()) {
                throw new IllegalArgumentException("feed.symbols: at least one symbol is needed");
            }
        }
    }

    /**
     * The simulated venue.
     *
     * @param ackLatency          time from sending an order to its acknowledgement
     * @param fillLatency         time from a match to its fill report
     * @param slippageBps         adverse slippage on market fills, basis points
     * @param volumeParticipation largest share of a tick's size to fill (0 = no cap)
     */
    public record Venue(Duration ackLatency, Duration fillLatency, int slippageBps, double volumeParticipation) {

        /** Validates the venue. */
        public Venue {
            if (ackLatency.isNegative() || fillLatency.isNegative()) {
                throw new IllegalArgumentException("venue latencies must not be negative");
            }
        }
    }

    /**
     * A trading account.
     *
     * @param id           account id
     * @param capitalPaise starting cash
     * @param risk         risk limit overrides by key (docs/risk.md)
     */
    public record Account(AccountId id, long capitalPaise, Map<String, String> risk) {

        /** Validates the account. */
        public Account {
            Objects.requireNonNull(id, "accounts.id");
            if (capitalPaise <= 0) {
                throw new IllegalArgumentException("accounts." + id + ".capital must be positive");
            }
            risk = Map.copyOf(risk);
        }
    }

    /**
     * The strategies this configuration's bots can run: the built-ins and every user strategy a bot
     * names (from a Java file or a strategy jar).
     *
     * @throws IllegalArgumentException when two user strategies share a name or take a built-in's
     */
    public StrategyCatalog strategies() {
        return UserStrategies.catalog(bots.stream().flatMap(b -> b.userStrategy().stream()).toList());
    }

    /**
     * A bot.
     *
     * @param id       bot id
     * @param account  account it trades for
     * @param strategy strategy name
     * @param params   strategy parameters as text
     * @param symbols  symbols it trades
     * @param bar      bar interval it sees
     * @param state    the state it is created in: running, paused or stopped (only on its first start; after
     *                 that the journal knows it)
     * @param userStrategy the strategy when it is not a built-in: compiled from the bot's
     *                     {@code strategyFile} or found in a strategy jar
     */
    public record Bot(BotId id, AccountId account, String strategy, Map<String, String> params, List<Symbol> symbols,
                      Duration bar, BotState state, Optional<UserStrategy> userStrategy) {

        /** A bot running a built-in strategy. */
        public Bot(BotId id, AccountId account, String strategy, Map<String, String> params, List<Symbol> symbols,
                   Duration bar, BotState state) {
            this(id, account, strategy, params, symbols, bar, state, Optional.empty());
        }

        /** Validates the bot. */
        public Bot {
            Objects.requireNonNull(id, "bots.id");
            Objects.requireNonNull(account, "bots." + id + ".account");
            Objects.requireNonNull(strategy, "bots." + id + ".strategy");
            params = Map.copyOf(params);
            symbols = List.copyOf(symbols);
            Objects.requireNonNull(bar, "bots." + id + ".bar");
            Objects.requireNonNull(state, "bots." + id + ".state");
            Objects.requireNonNull(userStrategy, "bots." + id + ".userStrategy");
            if (state == BotState.DELETED) {
                throw new IllegalArgumentException("bots." + id + ".state: must be running, paused or stopped");
            }
            if (symbols.isEmpty()) {
                throw new IllegalArgumentException("bots." + id + ".symbols: at least one symbol is needed");
            }
        }
    }
}
