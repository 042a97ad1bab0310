package com.quantdesk.server.preflight;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.risk.RiskLimits;
import com.quantdesk.server.ServerConfig;
import com.quantdesk.store.Dialect;
import com.quantdesk.store.journal.JournalKey;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Everything one preflight run looks at, gathered by the caller: the command line reads it from the
 * configuration, the running server from itself. Nothing here is written to.
 *
 * @param mode          {@code paper} or {@code live}; live raises several warnings to failures
 * @param server        the HTTP server's configuration, empty when the API is off
 * @param dataDirectory where the keys, the SQLite database and the logs live
 * @param dataSource    the database (not migrated by the preflight)
 * @param dialect       the database's dialect
 * @param journalKey    the journal's key, when one is available to this process
 * @param limits        each account's effective risk limits
 * @param facts         backups, live accounts and directories
 */
public record PreflightSetup(String mode, Optional<ServerConfig> server, Path dataDirectory,
                             DataSource dataSource, Dialect dialect, Optional<JournalKey> journalKey,
                             Map<AccountId, RiskLimits> limits, Facts facts) {

    /** Validates and copies. */
    public PreflightSetup {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(journalKey, "journalKey");
        limits = Map.copyOf(limits);
        Objects.requireNonNull(facts, "facts");
    }

    /** Whether this is a live run, where what would only be a warning for paper money fails. */
    public boolean live() {
        return mode.equals("live");
    }

    /**
     * What a running process knows of itself beyond its store: its backup schedule, its live accounts
     * and the directories it writes.
     *
     * @param env         the process environment, looked up by name only (secrets are read from it, never
     *                    printed)
     * @param backups     the backup schedule
     * @param live        the live accounts and their broker settings
     * @param directories the data and log directories to check
     */
    public record Facts(Map<String, String> env, BackupPlan backups, List<LiveAccount> live, List<Path> directories) {
        /** Copies. */
        public Facts {
            Objects.requireNonNull(env, "env");
            Objects.requireNonNull(backups, "backups");
            live = List.copyOf(live);
            directories = List.copyOf(directories);
        }

        /** No backups, no live accounts, only {@code dataDirectory}. */
        public static Facts of(Map<String, String> env, Path dataDirectory) {
            return new Facts(env, BackupPlan.NONE, List.of(), List.of(dataDirectory));
        }
    }

    /**
     * The backup schedule.
     *
     * @param directory        where scheduled backups go; empty when none are scheduled
     * @param every            time between backups (the recovery point objective)
     * @param restoreTestEvery time between restore tests
     * @param lastRestoreTest  when a restore test last passed, if ever
     */
    public record BackupPlan(Optional<Path> directory, Duration every, Duration restoreTestEvery,
                             Optional<Instant> lastRestoreTest) {
        /** No scheduled backups. */
        public static final BackupPlan NONE = new BackupPlan(Optional.empty(), Duration.ofDays(1), Duration.ofDays(7),
                Optional.empty());

        /** Validates. */
        public BackupPlan {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(every, "every");
            Objects.requireNonNull(restoreTestEvery, "restoreTestEvery");
            Objects.requireNonNull(lastRestoreTest, "lastRestoreTest");
        }
    }

    /**
     * A live account's broker login and order settings.
     *
     * @param account          the account
     * @param sessionExpiresAt when the stored Kite session expires; empty when none is stored
     * @param sessionProblem   why the stored session could not be read, if it could not
     * @param marketProtection {@code kite.marketProtection}: -1 automatic, 1–100 %, 0 none
     * @param algoId           the exchange's algo id sent on orders, if set
     * @param apiSecretSet     whether {@code KITE_API_SECRET} is set
     */
    public record LiveAccount(AccountId account, Optional<Instant> sessionExpiresAt, Optional<String> sessionProblem,
                              int marketProtection, Optional<String> algoId, boolean apiSecretSet) {
        /** Validates. */
        public LiveAccount {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(sessionExpiresAt, "sessionExpiresAt");
            Objects.requireNonNull(sessionProblem, "sessionProblem");
            Objects.requireNonNull(algoId, "algoId");
        }
    }
}
