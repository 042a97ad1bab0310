package com.quantdesk.store.backup;

import com.quantdesk.store.PostgresUrl;
import com.quantdesk.store.StoreConfig;
import com.quantdesk.store.journal.JournalKey;
import com.quantdesk.store.journal.JournalVerifier;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.sqlite.SQLiteDataSource;

/**
 * Encrypted, verifiable backups of the store, taken while trading runs.
 *
 * <p>A backup is one file: the line {@code QUANTDESK-BACKUP}, the {@link BackupManifest} as one line
 * of JSON, an 8-byte random IV prefix, then the payload sealed with AES-256-GCM under the
 * {@link BackupKey} in segments of 1 MiB (each: its length, whether it is the last, the sealed bytes;
 * its IV is the prefix and its index; its additional data the two header lines, its index and the
 * last flag), so a restore holds one segment in memory and a missing, reordered or extra segment
 * fails like a changed byte. The payload is the SQLite database
 * (copied with SQLite's online backup, consistent while the journal writes) or a {@code pg_dump}
 * archive taken in the same snapshot the manifest's journal figures were read in.
 *
 * <p>Reading a backup ({@link #verify}) checks everything before anything is written anywhere: the
 * key, the cipher's tag (any changed byte fails it), the payload's checksum, and the journal inside:
 * its hash chain must verify under the journal key and end at the manifest's sequence and head.
 */
public final class Backups {

    static final String MAGIC = "QUANTDESK-BACKUP";
    /** Backup files end in this. */
    public static final String SUFFIX = ".qdbackup";
    private static final int IV_BYTES = 12;
    private static final int IV_PREFIX_BYTES = 8;
    /** Plaintext per sealed segment: a restore never holds more than one in memory. */
    private static final int SEGMENT_BYTES = 1 << 20;
    private static final int TAG_BITS = 128;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private Backups() {
    }

    /**
     * A verified backup, its payload decrypted into a scratch file the caller deletes.
     *
     * @param file     the backup
     * @param manifest its manifest
     * @param payload  the decrypted payload (a SQLite file or a pg_dump archive)
     */
    public record Verified(Path file, BackupManifest manifest, Path payload) {
    }

    // ---------------------------------------------------------------- backup

    /**
     * Takes a backup of the store {@code config} names into {@code directory}.
     *
     * @return the backup file and its manifest
     * @throws BackupException when the database cannot be read or the journal in it does not verify
     */
    public static Verified create(StoreConfig config, JournalKey journalKey, BackupKey key, Path directory,
                                  InstantSource clock) {
        try {
            Files.createDirectories(directory);
            Path scratchDirectory = ownerOnlyDirectory(directory, ".backup-");
            Path scratch = scratchDirectory.resolve("payload");
            try {
                Figures figures = config.database().isPresent()
                        ? dumpPostgres(config.database().get(), scratch)
                        : copySqlite(config.sqliteFile(), scratch, journalKey);
                Instant now = clock.instant();
                BackupManifest manifest = new BackupManifest(now, config.database().isPresent() ? "postgresql"
                        : "sqlite", figures.events(), figures.lastSequence(), figures.head(), journalKey.id(),
                        Files.size(scratch), sha256(scratch), key.id());
                Path file = directory.resolve("quantdesk-" + STAMP.format(now) + "-" + figures.lastSequence() + SUFFIX);
                seal(manifest, scratch, file, key);
                return new Verified(file, manifest, file);
            } finally {
                Files.deleteIfExists(scratch);
                Files.deleteIfExists(scratchDirectory);
            }
        } catch (IOException e) {
            throw new BackupException("cannot write the backup in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The journal's figures, read in the same snapshot the payload was taken in. */
    private record Figures(long events, long lastSequence, String head) {
    }

    private static Figures copySqlite(Path database, Path scratch, JournalKey journalKey) throws IOException {
        if (!Files.isRegularFile(database)) {
            throw new BackupException("no database at " + database);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.executeUpdate("backup to '" + scratch.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new BackupException("cannot copy the database " + database + ": " + e.getMessage(), e);
        }
        return journalOf(sqlite(scratch), journalKey, "the copy of " + database);
    }

    private static Figures dumpPostgres(PostgresUrl url, Path scratch) {
        // The manifest's figures and the dump come from one exported snapshot: the same instant.
        try (Connection c = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            String snapshot;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT pg_export_snapshot()")) {
                r.next();
                snapshot = r.getString(1);
            }
            Figures figures = figures(c);
            List<String> command = new ArrayList<>(List.of("pg_dump", "--format=custom", "--no-owner",
                    "--no-privileges", "--snapshot=" + snapshot, "--file=" + scratch.toAbsolutePath()));
            schema(url).ifPresent(schema -> command.add("--schema=" + schema));
            command.addAll(connectionArguments(url));
            run(command, url, "pg_dump");
            c.commit();
            return figures;
        } catch (SQLException e) {
            throw new BackupException("cannot read the database " + url + ": " + e.getMessage(), e);
        }
    }

    private static Figures journalOf(SQLiteDataSource data, JournalKey journalKey, String what) {
        JournalVerifier.Verification verification = new JournalVerifier(data, journalKey).verify();
        if (!(verification instanceof JournalVerifier.Verification.Intact intact)) {
            throw new BackupException("the journal in " + what + " does not verify: " + verification);
        }
        try (Connection c = data.getConnection()) {
            Figures figures = figures(c);
            if (figures.events() != intact.events() || !figures.head().equals(intact.lastHash())) {
                throw new BackupException("the journal in " + what + " changed while it was read");
            }
            return figures;
        } catch (SQLException e) {
            throw new BackupException("cannot read the journal in " + what + ": " + e.getMessage(), e);
        }
    }

    private static Figures figures(Connection c) throws SQLException {
        long events;
        long last;
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*), COALESCE(MAX(sequence), 0) FROM events")) {
            r.next();
            events = r.getLong(1);
            last = r.getLong(2);
        }
        String head = com.quantdesk.store.journal.HashChain.GENESIS;
        try (PreparedStatement s = c.prepareStatement("SELECT hash FROM events WHERE sequence = ?")) {
            s.setLong(1, last);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    head = r.getString(1);
                }
            }
        }
        return new Figures(events, last, head);
    }

    private static void seal(BackupManifest manifest, Path payload, Path file, BackupKey key) throws IOException {
        byte[] header = header(manifest);
        byte[] prefix = new byte[IV_PREFIX_BYTES];
        RANDOM.nextBytes(prefix);
        Path part = file.resolveSibling(file.getFileName() + ".part");
        Files.deleteIfExists(part);
        if (Files.getFileAttributeView(file.toAbsolutePath().getParent(),
                java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            Files.createFile(part, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        }
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(new java.io.BufferedOutputStream(
                Files.newOutputStream(part)));
             InputStream in = new BufferedInputStream(Files.newInputStream(payload))) {
            out.write(header);
            out.write(prefix);
            byte[] chunk = in.readNBytes(SEGMENT_BYTES);
            for (long index = 0; ; index++) {
                byte[] following = chunk.length < SEGMENT_BYTES ? new byte[0] : in.readNBytes(SEGMENT_BYTES);
                boolean last = following.length == 0;
                byte[] sealed = segmentCipher(Cipher.ENCRYPT_MODE, key, prefix, header, index, last).doFinal(chunk);
                out.writeInt(sealed.length);
                out.writeBoolean(last);
                out.write(sealed);
                if (last) {
                    break;
                }
                chunk = following;
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is on every JDK", e);
        }
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Decrypts the segments that follow the header into {@code payload}; any changed, missing,
     * reordered or extra byte fails (each segment's index and whether it is the last are
     * authenticated with it).
     */
    private static void open(InputStream raw, BackupKey key, byte[] header, Path payload, String name)
            throws IOException {
        java.io.DataInputStream in = new java.io.DataInputStream(raw);
        byte[] prefix = in.readNBytes(IV_PREFIX_BYTES);
        if (prefix.length != IV_PREFIX_BYTES) {
            throw new BackupException(name + ": truncated after its manifest");
        }
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(payload))) {
            for (long index = 0; ; index++) {
                int length;
                boolean last;
                try {
                    length = in.readInt();
                    last = in.readBoolean();
                } catch (java.io.EOFException e) {
                    throw new BackupException(name + ": truncated (segment " + index + " missing)");
                }
                if (length < TAG_BITS / 8 || length > SEGMENT_BYTES + TAG_BITS / 8) {
                    throw new BackupException(name + ": damaged (segment " + index + " has an impossible length)");
                }
                byte[] sealed = in.readNBytes(length);
                if (sealed.length != length) {
                    throw new BackupException(name + ": truncated in segment " + index);
                }
                try {
                    out.write(segmentCipher(Cipher.DECRYPT_MODE, key, prefix, header, index, last).doFinal(sealed));
                } catch (GeneralSecurityException e) {
                    throw new BackupException(name + ": the sealed payload does not authenticate (changed, truncated "
                            + "or damaged at segment " + index + ")", e);
                }
                if (last) {
                    break;
                }
            }
            if (in.read() >= 0) {
                throw new BackupException(name + ": the sealed payload does not authenticate (bytes after its end)");
            }
        }
    }

    private static Cipher segmentCipher(int mode, BackupKey key, byte[] prefix, byte[] header, long index,
                                        boolean last) throws GeneralSecurityException {
        byte[] iv = java.nio.ByteBuffer.allocate(IV_BYTES).put(prefix).putInt((int) index).array();
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key.aes(), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(header);
        cipher.updateAAD(java.nio.ByteBuffer.allocate(9).putLong(index).put((byte) (last ? 1 : 0)).array());
        return cipher;
    }

    // ---------------------------------------------------------------- verify

    /**
     * Reads {@code file} and checks all of it; nothing outside {@code scratchDirectory} is written.
     *
     * @param journalKey the journal key of the installation the backup is for
     * @return the manifest and the decrypted payload in {@code scratchDirectory}
     * @throws BackupException naming what is wrong: not a backup, another key, a changed byte, a
     *                         checksum, a broken chain, or a journal that ends elsewhere than the manifest says
     */
    public static Verified verify(Path file, BackupKey key, JournalKey journalKey, Path scratchDirectory) {
        String name = file.toString();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            String magic = line(raw, name);
            if (!MAGIC.equals(magic)) {
                throw new BackupException(name + ": not a Quantdesk backup");
            }
            String json = line(raw, name);
            BackupManifest manifest = BackupManifest.parse(json, name);
            if (!manifest.backupKeyId().equals(key.id())) {
                throw new BackupException(name + ": sealed with backup key " + manifest.backupKeyId() + ", but the key "
                        + "from " + key.source() + " is " + key.id());
            }
            if (!manifest.journalKeyId().equals(journalKey.id())) {
                throw new BackupException(name + ": its journal is chained with journal key " + manifest.journalKeyId()
                        + ", but this installation's journal key is " + journalKey.id() + "; put that installation's "
                        + "journal.key (or QD_JOURNAL_KEY) in place first");
            }
            Files.createDirectories(scratchDirectory);
            Path payload = Files.createTempFile(scratchDirectory, ".restore-", ".payload");
            try {
                open(raw, key, header(MAGIC, json), payload, name);
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(payload);
                throw e;
            }
            try {
                check(manifest, payload, journalKey, name);
            } catch (RuntimeException e) {
                Files.deleteIfExists(payload);
                throw e;
            }
            return new Verified(file, manifest, payload);
        } catch (IOException e) {
            throw new BackupException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static void check(BackupManifest manifest, Path payload, JournalKey journalKey, String name)
            throws IOException {
        if (Files.size(payload) != manifest.payloadBytes() || !sha256(payload).equals(manifest.payloadSha256())) {
            throw new BackupException(name + ": the payload's checksum is not the manifest's");
        }
        if (manifest.dialect().equals("sqlite")) {
            Figures figures = journalOf(sqlite(payload), journalKey, name);
            if (figures.lastSequence() != manifest.lastSequence() || !figures.head().equals(manifest.chainHead())
                    || figures.events() != manifest.events()) {
                throw new BackupException(name + ": its journal ends at event " + figures.lastSequence() + " ("
                        + figures.head() + "), the manifest says " + manifest.lastSequence() + " ("
                        + manifest.chainHead() + ")");
            }
        } else if (!manifest.dialect().equals("postgresql")) {
            throw new BackupException(name + ": unknown dialect " + manifest.dialect());
        }
    }

    // ---------------------------------------------------------------- restore

    /**
     * Restores a verified backup into the store {@code target} names. SQLite: the database file is
     * replaced (the one it replaces is kept beside it as {@code quantdesk.db.replaced-<time>});
     * PostgreSQL: the archive is first restored into a scratch database and its journal verified, then
     * into the target with {@code pg_restore --clean}.
     *
     * @param replace whether an existing database may be replaced
     * @return where the previous SQLite database was kept, if any
     */
    public static java.util.Optional<Path> restore(Verified backup, StoreConfig target, JournalKey journalKey,
                                                   boolean replace, InstantSource clock) {
        BackupManifest m = backup.manifest();
        boolean postgres = target.database().isPresent();
        if (postgres != m.dialect().equals("postgresql")) {
            throw new BackupException(backup.file() + " holds a " + m.dialect() + " database; the target is "
                    + (postgres ? "PostgreSQL" : "SQLite"));
        }
        try {
            if (postgres) {
                restorePostgres(backup, target.database().get(), journalKey, replace);
                return java.util.Optional.empty();
            }
            Path database = target.sqliteFile();
            Files.createDirectories(database.toAbsolutePath().getParent());
            java.util.Optional<Path> kept = java.util.Optional.empty();
            if (Files.exists(database)) {
                if (!replace) {
                    throw new BackupException(database + " exists; stop Quantdesk and pass --replace to restore over "
                            + "it (it is kept beside as quantdesk.db.replaced-<time>)");
                }
                Path aside = database.resolveSibling(database.getFileName() + ".replaced-"
                        + STAMP.format(clock.instant()));
                // The write-ahead log holds committed transactions too: it goes along, under the name
                // SQLite looks for beside the kept file.
                for (String suffix : List.of("-wal", "-shm")) {
                    Path log = database.resolveSibling(database.getFileName() + suffix);
                    if (Files.exists(log)) {
                        Files.move(log, aside.resolveSibling(aside.getFileName() + suffix));
                    }
                }
                Files.move(database, aside);
                kept = java.util.Optional.of(aside);
            } else {
                for (String suffix : List.of("-wal", "-shm")) {
                    Files.deleteIfExists(database.resolveSibling(database.getFileName() + suffix));
                }
            }
            Files.copy(backup.payload(), database);
            return kept;
        } catch (IOException e) {
            throw new BackupException("cannot restore into " + target + ": " + e.getMessage(), e);
        }
    }

    private static void restorePostgres(Verified backup, PostgresUrl target, JournalKey journalKey, boolean replace) {
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.user(), target.password())) {
            if (!replace && hasEvents(c)) {
                throw new BackupException("the target database already holds a journal; stop Quantdesk and pass "
                        + "--replace to restore over it");
            }
        } catch (SQLException e) {
            throw new BackupException("cannot reach " + target + ": " + e.getMessage(), e);
        }
        verifyInScratch(backup, target, journalKey);
        pgRestore(backup.payload(), target, true);
    }

    /**
     * Restores a PostgreSQL backup's archive into a scratch database on {@code server} (created and
     * dropped here), and checks that its journal verifies and ends where the manifest says.
     *
     * @return the journal's figures: events and last sequence
     */
    public static long[] verifyInScratch(Verified backup, PostgresUrl server, JournalKey journalKey) {
        String scratchName = "quantdesk_verify_" + Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password())) {
            try (Statement s = admin.createStatement()) {
                s.executeUpdate("CREATE DATABASE " + scratchName);
            }
            try {
                PostgresUrl scratch = new PostgresUrl(server.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)",
                        "/" + scratchName + "$1"), server.user(), server.password());
                pgRestore(backup.payload(), scratch, false);
                org.postgresql.ds.PGSimpleDataSource data = new org.postgresql.ds.PGSimpleDataSource();
                data.setURL(scratch.jdbcUrl());
                data.setUser(scratch.user());
                data.setPassword(scratch.password());
                JournalVerifier.Verification v = new JournalVerifier(data, journalKey).verify();
                try (Connection c = data.getConnection()) {
                    Figures f = figures(c);
                    BackupManifest m = backup.manifest();
                    if (!(v instanceof JournalVerifier.Verification.Intact) || f.lastSequence() != m.lastSequence()
                            || !f.head().equals(m.chainHead()) || f.events() != m.events()) {
                        throw new BackupException(backup.file() + ": the restored journal does not verify or ends "
                                + "elsewhere than the manifest says: " + v);
                    }
                    return new long[] {f.events(), f.lastSequence()};
                }
            } finally {
                try (Statement s = admin.createStatement()) {
                    s.executeUpdate("DROP DATABASE IF EXISTS " + scratchName + " WITH (FORCE)");
                }
            }
        } catch (SQLException e) {
            throw new BackupException("cannot verify " + backup.file() + " in a scratch database on " + server + ": "
                    + e.getMessage(), e);
        }
    }

    private static boolean hasEvents(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT to_regclass('events') IS NOT NULL")) {
            r.next();
            if (!r.getBoolean(1)) {
                return false;
            }
        }
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT EXISTS (SELECT 1 FROM events)")) {
            r.next();
            return r.getBoolean(1);
        }
    }

    private static void pgRestore(Path archive, PostgresUrl url, boolean clean) {
        List<String> command = new ArrayList<>(List.of("pg_restore", "--no-owner", "--no-privileges",
                "--exit-on-error", "--single-transaction"));
        if (clean) {
            command.addAll(List.of("--clean", "--if-exists"));
        }
        command.addAll(connectionArguments(url));
        command.add(archive.toAbsolutePath().toString());
        run(command, url, "pg_restore");
    }

    // ---------------------------------------------------------------- helpers

    /** The schema a URL's {@code currentSchema} names, if any: only it is dumped. */
    private static java.util.Optional<String> schema(PostgresUrl url) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[?&]currentSchema=([A-Za-z0-9_]+)")
                .matcher(url.jdbcUrl());
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    /** {@code --dbname=postgresql://host:port/db} for the tools (the password goes in PGPASSWORD). */
    private static List<String> connectionArguments(PostgresUrl url) {
        String jdbc = url.jdbcUrl();
        String rest = jdbc.substring("jdbc:postgresql://".length());
        int query = rest.indexOf('?');
        String hostAndDb = query < 0 ? rest : rest.substring(0, query);
        return List.of("--dbname=postgresql://" + java.net.URLEncoder.encode(url.user(), StandardCharsets.UTF_8)
                .replace("+", "%20") + "@" + hostAndDb);
    }

    private static void run(List<String> command, PostgresUrl url, String tool) {
        Path output = null;
        try {
            output = Files.createTempFile("quantdesk-" + tool + "-", ".log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            if (url.password() != null && !url.password().isEmpty()) {
                builder.environment().put("PGPASSWORD", url.password());
            }
            // The URL's TLS settings hold for the tools too: libpq's default would be 'prefer'.
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                    "[?&](sslmode|sslrootcert|sslcert|sslkey)=([^&]+)").matcher(url.jdbcUrl());
            while (m.find()) {
                builder.environment().put("PG" + m.group(1).toUpperCase(Locale.ROOT),
                        java.net.URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
            }
            Process process = builder.start();
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new BackupException(tool + " did not finish within 30 minutes and was stopped");
            }
            if (process.exitValue() != 0) {
                throw new BackupException(tool + " failed: " + Files.readString(output).strip());
            }
        } catch (IOException e) {
            throw new BackupException(tool + " cannot run (install the PostgreSQL client tools): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException(tool + " interrupted", e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a log in the temp directory; nothing depends on it
                }
            }
        }
    }

    /**
     * A new directory readable by the owner only (the unencrypted payload lives in it while it is
     * sealed); directories left by a crash of an earlier run are removed first.
     */
    private static Path ownerOnlyDirectory(Path parent, String prefix) throws IOException {
        try (java.util.stream.Stream<Path> old = Files.list(parent)) {
            for (Path stale : old.filter(p -> p.getFileName().toString().startsWith(prefix)).toList()) {
                try (java.util.stream.Stream<Path> inside = Files.list(stale)) {
                    for (Path f : inside.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(stale);
            }
        }
        if (Files.getFileAttributeView(parent, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            return Files.createTempDirectory(parent, prefix, java.nio.file.attribute.PosixFilePermissions
                    .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory(parent, prefix);
    }

    private static SQLiteDataSource sqlite(Path file) {
        SQLiteDataSource data = new SQLiteDataSource();
        data.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return data;
    }

    private static byte[] header(BackupManifest manifest) {
        return header(MAGIC, manifest.toJson());
    }

    private static byte[] header(String magic, String json) {
        return (magic + "\n" + json + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** One header line, at most 64 KiB. */
    private static String line(InputStream in, String name) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0 || bytes.size() > 65_536) {
                throw new BackupException(name + ": not a Quantdesk backup");
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
