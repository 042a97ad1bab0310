package com.quantdesk.server.auth;

import com.quantdesk.store.SecretFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SecretBoxTest {

    private static final String CANNOT_OPEN = "cannot open a sealed secret: wrong server key or damaged value";
    private static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff".repeat(2));

    @TempDir
    Path dataDirectory;

    private final SecretBox box = SecretBox.of(KEY);

    @Test
    void opensWhatItSealed() {
        String sealed = box.seal("JBSWY3DPEHPK3PXP");

        assertThat(sealed).startsWith("v1.").doesNotContain("JBSWY3DPEHPK3PXP").doesNotContain("=");
        // 12-byte IV + 16 plaintext bytes + 16-byte tag = 44 bytes, 59 base64url characters.
        assertThat(sealed).hasSize(3 + 59).matches("v1\\.[A-Za-z0-9_-]+");
        assertThat(box.open(sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
    }

    @Test
    void sealsTheSameTextDifferentlyEachTime() {
        assertThat(box.seal("JBSWY3DPEHPK3PXP")).isNotEqualTo(box.seal("JBSWY3DPEHPK3PXP"));
    }

    @Test
    void refusesToOpenUnderAnotherKey() {
        String sealed = box.seal("JBSWY3DPEHPK3PXP");
        byte[] other = KEY.clone();
        other[0] ^= 1;

        assertThatThrownBy(() -> SecretBox.of(other).open(sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessage(CANNOT_OPEN);
    }

    @Test
    void refusesAValueChangedAnywhere() {
        String sealed = box.seal("JBSWY3DPEHPK3PXP");
        byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(3));
        for (int position : List.of(0, 11, 12, 20, bytes.length - 1)) {
            byte[] changed = bytes.clone();
            changed[position] ^= 0x40;
            String tampered = "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(changed);

            assertThatThrownBy(() -> box.open(tampered)).as("byte %d", position)
                    .isInstanceOf(IllegalStateException.class).hasMessage(CANNOT_OPEN);
        }
    }

    @Test
    void refusesSomethingThatIsNotASealedValue() {
        String sealed = box.seal("JBSWY3DPEHPK3PXP");
        for (String value : List.of("", "JBSWY3DPEHPK3PXP", "v2." + sealed.substring(3), "v1.", "v1.not*base64",
                "v1." + sealed.substring(3, 30), sealed.substring(0, sealed.length() - 1))) {
            assertThatThrownBy(() -> box.open(value)).as(value).isInstanceOf(IllegalStateException.class)
                    .hasMessage(CANNOT_OPEN);
        }
    }

    @Test
    void fingerprintsTheKeyWithAnHmacOfAFixedLabel() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String expected = HexFormat.of().formatHex(mac.doFinal("quantdesk server key id".getBytes(StandardCharsets.US_ASCII)))
                .substring(0, 16);

        assertThat(box.keyId()).isEqualTo(expected);
        assertThat(box.toString()).isEqualTo("SecretBox[keyId=" + expected + "]");
    }

    @Test
    void refusesAKeyThatIsNot32Bytes() {
        assertThatThrownBy(() -> SecretBox.of(new byte[16])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the server key must be 32 bytes, not 16");
    }

    @Test
    void generatesAnOwnerOnlyKeyFileAndReadsItBack() throws Exception {
        SecretBox first = SecretBox.load(dataDirectory, Optional.empty());
        String sealed = first.seal("JBSWY3DPEHPK3PXP");
        Path file = dataDirectory.resolve(SecretBox.FILE);

        assertThat(Files.readString(file)).hasSize(65).matches("[0-9a-f]{64}\n");
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) != null) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        SecretBox again = SecretBox.load(dataDirectory, Optional.empty());
        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(again.open(sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
    }

    @Test
    void refusesAKeyFileOthersCanRead() throws Exception {
        SecretBox.load(dataDirectory, Optional.empty());
        Path file = dataDirectory.resolve(SecretBox.FILE);
        assumeTrue(Files.getFileAttributeView(file, PosixFileAttributeView.class) != null, "POSIX permissions");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> SecretBox.load(dataDirectory, Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the server's key file " + file + " is readable or writable by others (rw-r--r--); "
                        + "run: chmod 600 " + file);
    }

    @Test
    void refusesAKeyFileThatIsNot64HexDigitsWithoutShowingIt() throws Exception {
        Path file = dataDirectory.resolve(SecretBox.FILE);
        SecretFiles.writeOwnerOnly(file, "not-a-key-but-a-secret\n");

        assertThatThrownBy(() -> SecretBox.load(dataDirectory, Optional.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the server key in the server's key file " + file + " must be 64 hex digits (32 bytes)");
    }

    @Test
    void takesTheKeyFromTheEnvironmentWithoutWritingAFile() {
        SecretBox fromEnv = SecretBox.load(dataDirectory, Optional.of(HexFormat.of().formatHex(KEY)));

        assertThat(fromEnv.keyId()).isEqualTo(box.keyId());
        assertThat(Files.exists(dataDirectory.resolve(SecretBox.FILE))).isFalse();
    }

    @Test
    void refusesABadKeyInTheEnvironmentNamingTheVariable() {
        assertThatThrownBy(() -> SecretBox.load(dataDirectory, Optional.of("abc123")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the server key in the QD_SERVER_KEY environment variable must be 64 hex digits (32 bytes)");
    }
}
