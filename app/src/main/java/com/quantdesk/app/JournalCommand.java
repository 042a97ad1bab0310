package com.quantdesk.app;

import com.quantdesk.core.engine.BrokerGateway;
import com.quantdesk.core.engine.ExecutionReports;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.risk.RiskEngine;
import com.quantdesk.core.risk.RiskLimits;
import com.quantdesk.core.strategy.StrategyCatalog;
import com.quantdesk.core.time.ManualClock;
import com.quantdesk.sim.data.InstrumentMaster;
import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.Stores;
import com.quantdesk.store.journal.JournalKey;
import com.quantdesk.store.journal.JournalReplay;
import com.quantdesk.store.journal.JournalTables;
import com.quantdesk.store.journal.JournalVerifier;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quantdesk journal}: tools for the durable event journal. */
@Command(name = "journal", mixinStandardHelpOptions = true, description = "Event journal tools.",
        subcommands = {JournalCommand.Verify.class, JournalCommand.State.class})
final class JournalCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the journal is: the options every journal tool takes. */
    static final class Location {

        /** Where the environment is read from; tests replace it. */
        static java.util.function.Function<String, String> env = SecretEnvironment.process();

        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "quantdesk-data",
                description = "Data directory: the embedded database and the journal's key file (journal.key). "
                        + "Default: ${DEFAULT-VALUE}.")
        Path dataDir;

        @Option(names = "--db", paramLabel = "URL",
                description = "PostgreSQL URL (postgresql://user:pass@host:5432/db); default: $DATABASE_URL, "
                        + "else the embedded SQLite file. The key comes from $QD_JOURNAL_KEY, else the data "
                        + "directory's journal.key.")
        String database;

        /** The store these options name, whether or not it exists yet (a restore creates it). */
        StoreConfig resolve() {
            try {
                return StoreConfig.resolve(dataDir, database, new EnvironmentMap(env));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--db: " + e.getMessage(), e);
            }
        }

        StoreConfig config() {
            StoreConfig config = resolve();
            if (config.database().isEmpty() && !Files.isRegularFile(config.sqliteFile())) {
                throw new UsageException("no journal at " + config.sqliteFile() + " (use --data-dir or --db)");
            }
            return config;
        }
    }

    /** {@code quantdesk journal verify}: walks the hash chain. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Walk the journal's keyed hash chain and report the first broken row, if any.",
                    "Exit code 0 when intact, 1 when broken."})
    static final class Verify implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Location location;

        @Option(names = "--legacy-unkeyed",
                description = "Check a journal written before the chain was keyed, with its plain SHA-256 chain. "
                        + "Such a check cannot tell an old journal from one rewritten by someone who also removed "
                        + "its key id: use it only for a journal you know is that old.")
        boolean legacyUnkeyed;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            StoreConfig config = location.config();
            try (HikariDataSource dataSource = Stores.dataSource(config)) {
                JournalTables.Chain chain = JournalTables.chain(dataSource);
                JournalVerifier verifier;
                if (legacyUnkeyed) {
                    if (chain.keyId().isPresent()) {
                        throw new UsageException("--legacy-unkeyed: this journal records key id " + chain.keyId().get()
                                + "; verify it with its key");
                    }
                    verifier = JournalVerifier.unkeyed(dataSource);
                } else if (config.journalKeyAvailable() || chain.keyId().isPresent()) {
                    verifier = new JournalVerifier(dataSource, config.loadJournalKey(false));
                } else if (chain.events() > 0) {
                    throw new IllegalStateException("the journal records no key id and there is no key ("
                            + JournalKey.FILE + " in " + config.dataDirectory() + ", or " + JournalKey.ENV + "): it was "
                            + "written before the chain was keyed, or its key id was removed. Check a journal you "
                            + "know is that old with --legacy-unkeyed");
                } else {
                    verifier = JournalVerifier.unkeyed(dataSource);
                }
                JournalVerifier.Verification result = verifier.verify();
                out.println(result);
                out.flush();
                return result.ok() ? QuantdeskCommand.OK : QuantdeskCommand.FAILURE;
            }
        }
    }

    /** {@code quantdesk journal state}: what a restart would recover, from a fresh replay. */
    @Command(name = "state", mixinStandardHelpOptions = true,
            description = {"Replay the journal (checking its chain) into a fresh engine and print what decides "
                    + "orders, one 'key=value' line each: accounts, positions, open orders and cancels asked for, "
                    + "trading states, bots, and the risk engine's session records, counters and reference prices.",
                    "A paper process writes the same lines to recovered-state.txt in its data directory on every "
                            + "start; the two agree for the same journal position."})
    static final class State implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Location location;

        @Option(names = "--until", paramLabel = "SEQUENCE",
                description = "Replay events 1..SEQUENCE only (default: all).")
        Long until;

        @Override
        public Integer call() {
            if (until != null && until < 0) {
                throw new UsageException("--until: must not be negative, was " + until);
            }
            StoreConfig config = location.config();
            try (HikariDataSource dataSource = Stores.dataSource(config)) {
                JournalTables.Chain chain = JournalTables.chain(dataSource);
                JournalTables.requireKeyed(chain);
                SortedMap<String, String> state = replay(dataSource, config.loadJournalKey(false), until);
                PrintWriter out = spec.commandLine().getOut();
                for (Map.Entry<String, String> fact : state.entrySet()) {
                    out.println(fact.getKey() + "=" + fact.getValue());
                }
                out.flush();
                return QuantdeskCommand.OK;
            }
        }

        /** Replays events up to {@code until} (all when null) into a fresh engine and describes it. */
        static SortedMap<String, String> replay(javax.sql.DataSource dataSource, JournalKey key, Long until) {
            ManualClock clock = new ManualClock(Instant.EPOCH);
            TradingEngine engine = new TradingEngine(clock, new Unconnected(), InstrumentMaster.nifty50()::find);
            engine.useStrategies(StrategyCatalog.builtIns());
            engine.attachRisk(new RiskEngine(RiskLimits.defaults()));
            new JournalReplay(dataSource, key).replay(event -> {
                if (until == null || event.sequence() <= until) {
                    clock.set(event.time());
                    engine.recover(event);
                }
            });
            return engine.describeState();
        }
    }

    /** A replay sends nothing anywhere. */
    private static final class Unconnected implements BrokerGateway {
        @Override
        public void connect(ExecutionReports reports) {
        }

        @Override
        public void submit(Order order) {
            throw new IllegalStateException("a replay sends no orders");
        }

        @Override
        public void cancel(Order order) {
            throw new IllegalStateException("a replay sends no cancels");
        }

        @Override
        public void modify(Order order, long quantity, long limitPrice, long triggerPrice) {
            throw new IllegalStateException("a replay sends no modifications");
        }
    }
}
