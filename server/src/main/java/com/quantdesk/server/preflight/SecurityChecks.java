package com.quantdesk.server.preflight;

import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.auth.AccessTokens;
import com.quantdesk.server.auth.PasswordPolicy;
import com.quantdesk.server.auth.SecretBox;
import com.quantdesk.server.auth.Users;
import com.quantdesk.server.redis.RedisConnection;
import com.quantdesk.store.journal.JournalKey;
import com.quantdesk.store.backup.BackupKey;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Secrets, exposure and Redis: is every secret set, strong and private, is the API reachable only as
 * intended, and is Redis answering behind a password.
 *
 * <p>A key that is neither in the environment nor on disk is not read: loading it would generate it,
 * and a preflight writes nothing.
 */
final class SecurityChecks {

    /**
     * Words that mark a value copied from an example rather than generated. Each has five letters or
     * more: a random base64 key holds a given four-letter word about once in 400,000 keys, a five-letter
     * one about once in 25 million.
     */
    private static final List<String> EXAMPLE_WORDS = List.of("change", "example", "secret", "password", "default",
            "sample", "dummy", "replace", "xxxxx");
    /** A generated hex or base64 key of 32 bytes shows far more distinct characters than this. */
    private static final int MIN_DISTINCT = 10;

    /** How long Redis is given to answer a new connection before it counts as down. */
    private static final Duration REDIS_PATIENCE = Duration.ofSeconds(5);

    private final PreflightSetup setup;

    SecurityChecks(PreflightSetup setup) {
        this.setup = setup;
    }

    Finding adminPassword() {
        String id = "security.secrets.admin-password";
        Optional<String> password = env(Users.ADMIN_PASSWORD_ENV);
        if (password.isEmpty()) {
            return Finding.pass(id, Users.ADMIN_PASSWORD_ENV + " not set: the first start generates the admin's "
                    + "password and shows it once; passwords are stored hashed");
        }
        List<String> violations = new PasswordPolicy().violations(Users.ADMIN, password.get());
        if (!violations.isEmpty()) {
            return Finding.fail(id, Users.ADMIN_PASSWORD_ENV + " is weak: it " + String.join(", ", violations),
                    "set " + Users.ADMIN_PASSWORD_ENV + " to a long random password (openssl rand -base64 24), or "
                            + "unset it and sign in with the generated one");
        }
        return Finding.pass(id, Users.ADMIN_PASSWORD_ENV + " is set and meets the password policy");
    }

    Finding serverKey() {
        return key("security.secrets.server-key", SecretBox.ENV, SecretBox.FILE, "the server's sealing key",
                "openssl rand -hex 32", true, value -> SecretBox.load(setup.dataDirectory(), Optional.of(value)),
                () -> SecretBox.load(setup.dataDirectory(), Optional.empty()));
    }

    Finding jwtKey() {
        return key("security.secrets.jwt-key", AccessTokens.ENV, AccessTokens.FILE, "the JWT signing key",
                "let the server generate " + AccessTokens.FILE + " (unset " + AccessTokens.ENV + ")", false,
                value -> AccessTokens.load(setup.dataDirectory(), Optional.of(value), ServerConfig.ISSUER,
                        ServerConfig.AUDIENCE, Duration.ofMinutes(15), InstantSource.system()),
                () -> AccessTokens.load(setup.dataDirectory(), Optional.empty(), ServerConfig.ISSUER,
                        ServerConfig.AUDIENCE, Duration.ofMinutes(15), InstantSource.system()));
    }

    Finding journalKey() {
        return key("security.secrets.journal-key", JournalKey.ENV, JournalKey.FILE, "the journal's chain key",
                "openssl rand -hex 32", true, value -> JournalKey.load(setup.dataDirectory(), Optional.of(value), false),
                () -> JournalKey.load(setup.dataDirectory(), Optional.empty(), false));
    }

    Finding backupKey() {
        String id = "security.secrets.backup-key";
        Optional<String> value = env(BackupKey.ENV);
        if (setup.facts().backups().directory().isEmpty() && value.isEmpty()) {
            return Finding.pass(id, "no scheduled backups, so no backup key is needed");
        }
        if (value.isEmpty()) {
            return Finding.fail(id, "backups are scheduled but " + BackupKey.ENV + " is not set",
                    "export " + BackupKey.ENV + "=$(openssl rand -hex 32) and keep a copy away from the backups");
        }
        try {
            BackupKey.load(Optional.empty(), value);
        } catch (RuntimeException e) {
            return Finding.fail(id, BackupKey.ENV + " is not a usable key: " + e.getMessage(),
                    "export " + BackupKey.ENV + "=$(openssl rand -hex 32)");
        }
        return weak(value.get()).map(why -> Finding.fail(id, BackupKey.ENV + " " + why,
                        "export " + BackupKey.ENV + "=$(openssl rand -hex 32) (backups taken with the old key need it "
                                + "to restore)"))
                .orElse(Finding.pass(id, BackupKey.ENV + " is set and looks generated"));
    }

    Finding exposure() {
        String id = "security.exposure";
        if (setup.server().isEmpty()) {
            return Finding.pass(id, "the HTTP API is off");
        }
        ServerConfig server = setup.server().get();
        if (ServerConfig.loopback(server.bind())) {
            return Finding.pass(id, "the API listens on " + server.bind() + " only (this machine)");
        }
        if (server.tls().isPresent()) {
            return Finding.pass(id, "the API listens on " + server.bind() + " with TLS");
        }
        if (!server.trustedProxies().isEmpty()) {
            return Finding.pass(id, "the API listens on " + server.bind() + " behind trusted proxies "
                    + server.trustedProxies() + " that terminate TLS");
        }
        return Finding.fail(id, "the API listens on " + server.bind() + " in clear text",
                "give --tls-keystore (a PKCS12 key store), or --trusted-proxy for the TLS proxy in front, or bind "
                        + "to 127.0.0.1");
    }

    Finding cors() {
        String id = "security.cors";
        if (setup.server().isEmpty() || setup.server().get().corsOrigins().isEmpty()) {
            return Finding.pass(id, "no cross-origin browser access is allowed");
        }
        List<String> origins = setup.server().get().corsOrigins();
        if (origins.contains("*")) {
            return Finding.fail(id, "CORS allows any origin", "list the dashboard's origins with --cors-origin");
        }
        List<String> plain = origins.stream().filter(o -> o.startsWith("http://")
                && !ServerConfig.loopback(URI.create(o).getHost())).toList();
        if (!plain.isEmpty()) {
            return Finding.warn(id, "CORS allows origins without TLS: " + plain,
                    "serve the dashboard over https and list its https:// origin");
        }
        return Finding.pass(id, "CORS allows only " + origins);
    }

    Finding redis() {
        String id = "redis";
        Optional<String> url = setup.server().flatMap(ServerConfig::redisUrl);
        if (url.isEmpty()) {
            return Finding.pass(id, "Redis is not configured: rate limits and revocations are kept in this process");
        }
        RedisConnection connection;
        try {
            connection = RedisConnection.open(url.get());
        } catch (IllegalArgumentException e) {
            return Finding.fail(id, "the Redis URL is malformed: " + e.getMessage(),
                    "give REDIS_URL as redis://:PASSWORD@HOST:6379/0");
        }
        String host = connection.host();
        boolean password = connection.hasPassword();
        boolean reachable = false;
        try (RedisConnection redis = connection) {
            // A new connection's first answer may take longer than one ping waits on a busy machine.
            long deadline = System.nanoTime() + REDIS_PATIENCE.toNanos();
            while (!reachable && System.nanoTime() < deadline) {
                reachable = redis.ping();
                if (!reachable) {
                    java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                }
            }
        } catch (RuntimeException e) {
            return Finding.fail(id, "cannot connect to Redis at " + host + ": " + e.getMessage(),
                    "start Redis or correct REDIS_URL");
        }
        if (!reachable) {
            return Finding.fail(id, "Redis at " + host + " does not answer (or refuses the password)",
                    "start Redis, check REDIS_URL's password, then: redis-cli -u \"$REDIS_URL\" ping");
        }
        if (!password) {
            String fix = "set requirepass in redis.conf and put the password in REDIS_URL (redis://:PASSWORD@host)";
            return ServerConfig.loopback(host)
                    ? Finding.warn(id, "Redis at " + host + " answers without a password", fix)
                    : Finding.fail(id, "Redis at " + host + " is on the network without a password", fix);
        }
        return Finding.pass(id, "Redis at " + host + " answers and takes a password");
    }

    /**
     * A key from {@code envName}, else from {@code fileName} in the data directory: checked for being
     * usable, private and (for a hex or base64 key; a JWK is checked by parsing) generated.
     */
    private Finding key(String id, String envName, String fileName, String what, String generate,
                        boolean hexOrBase64, Consumer<String> fromEnv, Runnable fromFile) {
        Optional<String> value = env(envName);
        if (value.isPresent()) {
            try {
                fromEnv.accept(value.get());
            } catch (RuntimeException e) {
                return Finding.fail(id, envName + " does not hold " + what + ": " + e.getMessage(),
                        "export " + envName + "=$(" + generate + ")");
            }
            if (hexOrBase64) {
                Optional<String> why = weak(value.get());
                if (why.isPresent()) {
                    return Finding.fail(id, envName + " " + why.get(), "export " + envName + "=$(" + generate + ")");
                }
            }
            return Finding.pass(id, what + " comes from " + envName + " and is usable");
        }
        Path file = setup.dataDirectory().resolve(fileName);
        if (!Files.exists(file)) {
            return Finding.pass(id, "no " + fileName + " yet: the first start generates " + what
                    + " there, readable by its owner only");
        }
        try {
            fromFile.run();
        } catch (RuntimeException e) {
            return Finding.fail(id, e.getMessage(), "chmod 600 " + file + ", or restore the file from its backup");
        }
        return Finding.pass(id, what + " is in " + file + ", readable by its owner only");
    }

    /** Why {@code value} looks like an example or a made-up value rather than a generated one, if it does. */
    static Optional<String> weak(String value) {
        // Lower or upper case, not mixed: mixed case would raise the chance of a random key matching.
        for (String word : EXAMPLE_WORDS) {
            if (value.contains(word) || value.contains(word.toUpperCase(Locale.ROOT))) {
                return Optional.of("looks like an example value (it contains '" + word + "')");
            }
        }
        long distinct = value.chars().distinct().count();
        if (distinct < MIN_DISTINCT) {
            return Optional.of("has only " + distinct + " distinct characters: it was not generated at random");
        }
        return Optional.empty();
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(setup.facts().env().get(name)).map(String::strip).filter(v -> !v.isEmpty());
    }
}
