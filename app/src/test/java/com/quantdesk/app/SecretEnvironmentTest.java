package com.quantdesk.app;

import static com.quantdesk.app.CliRun.quantdesk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretEnvironmentTest {

    @TempDir
    Path dir;

    @AfterEach
    void restoreEnvironment() {
        PaperCommand.env = SecretEnvironment.process();
    }

    private Path secretFile(String name, String content, String mode) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    @Test
    void aSecretIsReadFromTheFileItsFileVariableNamesWithoutTheTrailingLineBreak() throws Exception {
        Path password = secretFile("admin-password", "correct horse battery staple\n", "rw-------");
        Path jwt = secretFile("jwt", "k".repeat(43) + "\r\n", "r--------");
        SecretEnvironment env = new SecretEnvironment(Map.of("QD_ADMIN_PASSWORD_FILE", password.toString(),
                "QD_JWT_KEY_FILE", jwt.toString(), "QD_SERVER_KEY", "direct")::get);

        assertThat(env.apply("QD_ADMIN_PASSWORD")).isEqualTo("correct horse battery staple");
        assertThat(env.apply("QD_JWT_KEY")).isEqualTo("k".repeat(43));
        assertThat(env.apply("QD_SERVER_KEY")).isEqualTo("direct");
        assertThat(env.apply("QD_BACKUP_KEY")).isNull();
        assertThat(env.asMap().get("QD_ADMIN_PASSWORD")).isEqualTo("correct horse battery staple");
    }

    @Test
    void everySecretVariableTakesAFile() throws Exception {
        Path file = secretFile("value", "v\n", "rw-------");
        for (String name : SecretEnvironment.SECRETS) {
            SecretEnvironment env = new SecretEnvironment(Map.of(name + "_FILE", file.toString())::get);
            assertThat(env.apply(name)).as(name).isEqualTo("v");
        }
        assertThat(SecretEnvironment.SECRETS).contains("QD_ADMIN_PASSWORD", "QD_SERVER_KEY", "QD_JWT_KEY",
                "QD_JOURNAL_KEY", "QD_BACKUP_KEY", "QD_TLS_PASSWORD", "DATABASE_URL", "REDIS_URL",
                "DATA_ENCRYPTION_KEY", "KITE_API_SECRET", "KITE_ACCESS_TOKEN");
    }

    @Test
    void otherVariablesPassThroughAndTheirFileVariablesMeanNothing() throws Exception {
        Path file = secretFile("value", "from file", "rw-------");
        SecretEnvironment env = new SecretEnvironment(Map.of("KITE_API_KEY", "abc",
                "KITE_API_URL_FILE", file.toString())::get);

        assertThat(env.apply("KITE_API_KEY")).isEqualTo("abc");
        assertThat(env.apply("KITE_API_URL")).isNull();
    }

    @Test
    void aVariableAndItsFileTogetherAreRefusedNamingBoth() throws Exception {
        Path file = secretFile("key", "ab".repeat(32), "rw-------");
        SecretEnvironment env = new SecretEnvironment(Map.of("QD_BACKUP_KEY", "cd".repeat(32),
                "QD_BACKUP_KEY_FILE", file.toString())::get);

        assertThatThrownBy(() -> env.apply("QD_BACKUP_KEY")).isInstanceOf(UsageException.class)
                .hasMessage("QD_BACKUP_KEY and QD_BACKUP_KEY_FILE are both set; set one of them");
    }

    @Test
    void aMissingFileNamesTheVariableAndThePath() {
        Path missing = dir.resolve("nowhere");
        SecretEnvironment env = new SecretEnvironment(Map.of("DATABASE_URL_FILE", missing.toString())::get);

        assertThatThrownBy(() -> env.apply("DATABASE_URL")).isInstanceOf(UsageException.class)
                .hasMessage("DATABASE_URL_FILE: no file " + missing);
    }

    @Test
    void aFileThatIsNotReadableAsTextNamesTheVariableAndThePath() throws Exception {
        Path directory = Files.createDirectory(dir.resolve("secrets"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        SecretEnvironment env = new SecretEnvironment(Map.of("REDIS_URL_FILE", directory.toString())::get);

        assertThatThrownBy(() -> env.apply("REDIS_URL")).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("REDIS_URL_FILE: cannot read " + directory + ": ");
    }

    @Test
    void aFileOthersCanReadIsRefusedWithTheCommandThatFixesIt() throws Exception {
        Path shared = secretFile("journal.key", "ab".repeat(32), "rw-r-----");
        Path world = secretFile("kite-secret", "s", "rw----r--");
        SecretEnvironment env = new SecretEnvironment(Map.of("QD_JOURNAL_KEY_FILE", shared.toString(),
                "KITE_API_SECRET_FILE", world.toString())::get);

        assertThatThrownBy(() -> env.apply("QD_JOURNAL_KEY")).isInstanceOf(UsageException.class)
                .hasMessage("QD_JOURNAL_KEY_FILE: " + shared + " is open to group or others (rw-r-----); run: chmod 600 "
                        + shared);
        assertThatThrownBy(() -> env.apply("KITE_API_SECRET")).isInstanceOf(UsageException.class)
                .hasMessage("KITE_API_SECRET_FILE: " + world + " is open to group or others (rw----r--); run: chmod 600 "
                        + world);
    }

    @Test
    void paperTakesItsBackupKeyFromAFile() throws Exception {
        Path config = dir.resolve("desk.yaml");
        Files.writeString(config, """
                dataDir: data
                feed: {mode: demo, interval: 1s, symbols: [RELIANCE], warmUp: 0s}
                accounts: [{id: desk, capital: 500000}]
                """);
        Path key = secretFile("backup.key", "5e".repeat(32) + "\n", "rw-------");
        PaperCommand.env = new SecretEnvironment(Map.of("QD_BACKUP_KEY_FILE", key.toString())::get);

        CliRun run = quantdesk("paper", "--no-api", "--config", config.toString(), "--duration", "0s",
                "--backup-every", "1h", "--backup-to", dir.resolve("backups").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void paperRefusesABackupKeyFileOthersCanReadAsAUsageError() throws Exception {
        Path config = dir.resolve("desk.yaml");
        Files.writeString(config, """
                dataDir: data
                accounts: [{id: desk, capital: 500000}]
                """);
        Path key = secretFile("backup.key", "5e".repeat(32), "rw-rw-rw-");
        PaperCommand.env = new SecretEnvironment(Map.of("QD_BACKUP_KEY_FILE", key.toString())::get);

        CliRun run = quantdesk("paper", "--no-api", "--config", config.toString(), "--duration", "0s",
                "--backup-every", "1h", "--backup-to", dir.resolve("backups").toString());

        assertThat(run.exitCode()).isEqualTo(QuantdeskCommand.USAGE);
        assertThat(run.err()).isEqualTo("quantdesk: QD_BACKUP_KEY_FILE: " + key + " is open to group or others "
                + "(rw-rw-rw-); run: chmod 600 " + key + "\n");
    }

    @Test
    void aRootOwnedGroupReadableMountIsTheOnlySharedFileAccepted() {
        java.util.Set<java.nio.file.attribute.PosixFilePermission> groupRead =
                java.nio.file.attribute.PosixFilePermissions.fromString("r--r-----");
        assertThat(SecretEnvironment.platformMount(groupRead, "root", "quantdesk")).isTrue();
        assertThat(SecretEnvironment.platformMount(groupRead, "root", "root")).isFalse();
        assertThat(SecretEnvironment.platformMount(groupRead, "deploy", "quantdesk")).isFalse();
        assertThat(SecretEnvironment.platformMount(java.nio.file.attribute.PosixFilePermissions.fromString(
                "rw-rw----"), "root", "quantdesk")).isFalse();
        assertThat(SecretEnvironment.platformMount(java.nio.file.attribute.PosixFilePermissions.fromString(
                "r--r--r--"), "root", "quantdesk")).isFalse();
    }
}
