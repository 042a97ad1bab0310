package com.quantdesk.app;

import com.quantdesk.app.live.KiteSessionStore;
import com.quantdesk.app.live.KiteSettings;
import com.quantdesk.app.live.LiveMarket;
import com.quantdesk.app.paper.PaperConfig;
import com.quantdesk.app.paper.PaperRuntime;
import com.quantdesk.app.paper.PaperTrading;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Exchange;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.kite.rest.KiteClient;
import com.quantdesk.kite.rest.KiteException;
import com.quantdesk.kite.rest.KiteInstrument;
import com.quantdesk.kite.rest.KiteTransport;
import com.quantdesk.server.TradingRuntime;
import com.quantdesk.server.Webhook;
import com.quantdesk.server.preflight.PreflightSetup;
import com.quantdesk.sim.data.InstrumentMaster;
import com.quantdesk.store.Store;
import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.Stores;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code quantdesk live --account NAME}: the account's bots of {@code quantdesk.yaml} trading through
 * Kite Connect, with the same engine, risk, journal, API and dashboard as paper trading.
 */
@Command(name = "live", mixinStandardHelpOptions = true, defaultValueProvider = EnvironmentDefaults.class,
        description = {"Trade live through Zerodha Kite Connect: the account's bots of the configuration, every "
                + "order through the risk engine and durable before it is sent.",
                "Needs the account's login of the day (quantdesk kite login --account NAME), KITE_API_KEY (or "
                        + "kite.apiKey), KITE_API_SECRET and DATA_ENCRYPTION_KEY.",
                "kite.apiUrl and kite.tickerUrl (or KITE_API_URL, KITE_TICKER_URL) point it at a sandbox to "
                        + "rehearse: quantdesk kite-sandbox.",
                "On start it reconciles with Kite's order book before any order may go. Stop with Ctrl-C."})
class LiveCommand extends PaperCommand {

    @Option(names = "--account", paramLabel = "NAME", required = true,
            description = "The account to trade (one of the configuration's accounts, with a stored Kite login).")
    String account;

    private KiteTransport transport;
    private LiveMarket market;
    private java.time.Instant sessionExpiry = java.time.Instant.EPOCH;

    @Override
    PaperConfig prepare(PaperConfig config) {
        AccountId id;
        try {
            id = new AccountId(account);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--account: " + e.getMessage(), e);
        }
        List<PaperConfig.Account> chosen = config.accounts().stream().filter(a -> a.id().equals(id)).toList();
        if (chosen.isEmpty()) {
            throw new UsageException("--account: no account '" + account + "' in the configuration (accounts: "
                    + config.accounts().stream().map(a -> a.id().value()).toList() + ")");
        }
        List<PaperConfig.Bot> bots = config.bots().stream().filter(b -> b.account().equals(id)).toList();
        return new PaperConfig(config.dataDirectory(), config.databaseUrl(), config.feed(), config.venue(), chosen,
                bots);
    }

    @Override
    PaperRuntime startRuntime(PaperConfig config, StoreConfig storeConfig, Consumer<String> notices) {
        if (speed != 1) {
            throw new UsageException("--speed: live trading runs in real time");
        }
        AccountId id = config.accounts().getFirst().id();
        Map<String, String> env = new EnvironmentMap(PaperCommand.env);
        KiteSettings settings;
        KiteSessionStore.Stored login;
        try {
            settings = KiteSettings.load(configFile(), env);
            settings.requireSecret();
            try (Store store = Stores.open(storeConfig)) {
                login = KiteSessionStore.open(store.dataSource(), env, InstantSource.system()).load(id)
                        .orElseThrow(() -> new UsageException("no Kite login stored for account " + id
                                + ": run 'quantdesk kite login --account " + id + "' first"));
            }
            if (!login.apiKey().equals(settings.apiKey())) {
                throw new UsageException("the stored login of " + id + " was made with api key " + login.apiKey()
                        + ", but kite.apiKey is " + settings.apiKey() + ": log in again");
            }
            transport = KiteTransport.create(settings.clientConfig());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UsageException(e.getMessage(), e);
        }
        KiteClient client = new KiteClient(transport, login.session());
        sessionExpiry = login.session().expiresAt();
        Map<Long, Symbol> tokens = new HashMap<>();
        InstrumentMaster instruments = instruments(client, config.feed().symbols(), tokens, id);
        notices.accept("Kite: " + instruments.all().size() + " instruments from today's NSE dump; login of "
                + login.session().userId() + " at " + login.session().loginTime());
        try {
            return PaperRuntime.startWith(config, storeConfig, 1.0, context -> {
                market = new LiveMarket(context, client, settings, id, instruments, tokens);
                return market;
            }, notices);
        } catch (IllegalStateException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** The configured symbols from today's NSE instrument dump, with their tick and lot sizes. */
    private static InstrumentMaster instruments(KiteClient client, List<Symbol> symbols, Map<Long, Symbol> tokens,
                                                AccountId account) {
        List<KiteInstrument> dump;
        try {
            dump = client.instruments("NSE");
        } catch (KiteException.TokenException e) {
            throw new UsageException("Kite refused the stored login (" + e.getMessage() + "): log in again with "
                    + "'quantdesk kite login --account " + account + "'", e);
        } catch (KiteException e) {
            throw new UsageException("cannot load today's NSE instruments from Kite: " + e.getMessage(), e);
        }
        Map<String, KiteInstrument> bySymbol = new HashMap<>();
        for (KiteInstrument row : dump) {
            if (row.instrumentType().equals("EQ") && row.exchange().equals("NSE")) {
                bySymbol.put(row.tradingsymbol(), row);
            }
        }
        InstrumentMaster nifty = InstrumentMaster.nifty50();
        List<Instrument> chosen = new ArrayList<>();
        for (Symbol symbol : symbols) {
            KiteInstrument row = bySymbol.get(symbol.value());
            if (row == null || row.tickSize() <= 0 || row.lotSize() <= 0) {
                throw new UsageException("feed.symbols: " + symbol + " is not an NSE equity in today's Kite "
                        + "instrument dump");
            }
            chosen.add(new Instrument(symbol, Exchange.NSE, row.tickSize(), row.lotSize(),
                    nifty.find(symbol).map(Instrument::sector).orElse(InstrumentMaster.UNKNOWN_SECTOR)));
            tokens.put(row.instrumentToken(), symbol);
        }
        return InstrumentMaster.of(chosen);
    }

    @Override
    TradingRuntime trading(PaperRuntime runtime) {
        LiveMarket live = market;
        KiteTransport kite = transport;
        return new PaperTrading(runtime, "live", List.of(new Webhook("/api/v1/hooks/kite", live::postback)),
                registry -> {
                    LiveMarket.breakerGauges(registry, kite);
                    io.micrometer.core.instrument.Gauge.builder("quantdesk.kite.session.expiry",
                                    () -> sessionExpiry.getEpochSecond()).baseUnit("seconds")
                            .description("When Kite expires the access token (06:00 IST after the login), epoch "
                                    + "seconds").register(registry);
                    live.bindMetrics(registry);
                    backupGauges(registry);
                }).withPreflight(directory -> PreflightCommand.facts(this, directory, runtime.store().dataSource()));
    }

    /** The traded account's Kite login and order settings, for the preflight. */
    @Override
    List<PreflightSetup.LiveAccount> liveAccounts(javax.sql.DataSource data) {
        AccountId id = new AccountId(account);
        Map<String, String> env = PreflightCommand.environment();
        KiteSettings settings = KiteSettings.load(configFile(), env);
        Optional<java.time.Instant> expires = Optional.empty();
        Optional<String> problem = Optional.empty();
        try {
            expires = KiteSessionStore.open(data, env, InstantSource.system()).load(id)
                    .map(stored -> stored.session().expiresAt());
        } catch (RuntimeException e) {
            problem = Optional.of("the stored Kite login cannot be read: " + e.getMessage());
        }
        return List.of(new PreflightSetup.LiveAccount(id, expires, problem, settings.marketProtection(),
                settings.algoId(), !settings.apiSecret().isBlank()));
    }

    @Override
    String heading(PaperRuntime runtime) {
        return "Quantdesk live trading through Kite Connect (account " + account + ")";
    }

    @Override
    void stopped() {
        if (transport != null) {
            transport.close();
        }
    }
}
