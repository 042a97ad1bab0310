package com.quantdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {

    @TempDir
    Path directory;

    @Test
    void writesTheContentToAnOwnerOnlyFileCreatingItsDirectories() throws Exception {
        Path file = directory.resolve("a/b/server.key");

        SecretFiles.writeOwnerOnly(file, "s3cret\n");

        assertThat(Files.readString(file)).isEqualTo("s3cret\n");
        assumePosix();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void leavesNoTemporaryFileBehind() throws Exception {
        SecretFiles.writeOwnerOnly(directory.resolve("server.key"), "one");
        SecretFiles.writeOwnerOnly(directory.resolve("server.key"), "two");

        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("server.key");
        }
    }

    @Test
    void keepsAFileThatAlreadyExists() throws Exception {
        Path file = directory.resolve("server.key");
        SecretFiles.writeOwnerOnly(file, "first");

        SecretFiles.writeOwnerOnly(file, "second");

        assertThat(Files.readString(file)).isEqualTo("first");
    }

    @Test
    void acceptsAFileOnlyItsOwnerCanReadAndWrite() throws Exception {
        Path file = directory.resolve("server.key");
        SecretFiles.writeOwnerOnly(file, "x");

        assertThatCode(() -> SecretFiles.requireOwnerOnly(file, "the server's key file")).doesNotThrowAnyException();
    }

    @Test
    void refusesAGroupReadableFileSayingHowToFixIt() throws Exception {
        assumePosix();
        Path file = directory.resolve("server.key");
        SecretFiles.writeOwnerOnly(file, "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        assertThatThrownBy(() -> SecretFiles.requireOwnerOnly(file, "the server's key file"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the server's key file " + file + " is readable or writable by others (rw-r-----); "
                        + "run: chmod 600 " + file);
    }

    @Test
    void refusesAFileOthersCanWrite() throws Exception {
        assumePosix();
        Path file = directory.resolve("server.key");
        SecretFiles.writeOwnerOnly(file, "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-----w-"));

        assertThatThrownBy(() -> SecretFiles.requireOwnerOnly(file, "the key"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chmod 600 " + file);
    }

    private void assumePosix() {
        assumeTrue(Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null,
                "POSIX permissions");
    }
}
