package com.quantdesk.app;

import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.Stores;
import com.quantdesk.store.journal.JournalVerifier;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quantdesk journal}: tools for the durable event journal. */
@Command(name = "journal", mixinStandardHelpOptions = true, description = "Event journal tools.",
        subcommands = {JournalCommand.Verify.class})
final class JournalCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code quantdesk journal verify}: walks the hash chain. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Walk the journal's hash chain and report the first broken row, if any.",
                    "Exit code 0 when intact, 1 when broken."})
    static final class Verify implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "quantdesk-data",
                description = "Data directory of the embedded database. Default: ${DEFAULT-VALUE}.")
        Path dataDir;

        @Option(names = "--db", paramLabel = "URL",
                description = "PostgreSQL URL (postgresql://user:pass@host:5432/db); default: $DATABASE_URL, "
                        + "else the embedded SQLite file.")
        String database;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            StoreConfig config;
            try {
                config = StoreConfig.resolve(dataDir, database, System.getenv());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--db: " + e.getMessage(), e);
            }
            if (config.database().isEmpty() && !Files.isRegularFile(config.sqliteFile())) {
                throw new UsageException("no journal at " + config.sqliteFile() + " (use --data-dir or --db)");
            }
            try (HikariDataSource dataSource = Stores.dataSource(config)) {
                JournalVerifier.Verification result = new JournalVerifier(dataSource).verify();
                out.println(result);
                out.flush();
                return result.ok() ? QuantdeskCommand.OK : QuantdeskCommand.FAILURE;
            }
        }
    }
}
