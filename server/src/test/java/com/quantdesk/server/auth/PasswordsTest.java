package com.quantdesk.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordsTest {

    // Each hash or check at cost 12 takes about a quarter of a second, so the tests share one instance.
    private static final Passwords PASSWORDS = Passwords.standard();

    @Test
    void verifiesTheRightPasswordAndNotAWrongOne() {
        String hash = PASSWORDS.hash("orbit lantern chutney 42");

        assertThat(hash).startsWith("$2a$12$").hasSize(60);
        assertThat(PASSWORDS.verify("orbit lantern chutney 42", hash)).isTrue();
        assertThat(PASSWORDS.verify("orbit lantern chutney 43", hash)).isFalse();
    }

    @Test
    void tellsApartLongPasswordsThatDifferOnlyAfterTheFirst72Bytes() {
        String common = "a long passphrase about the monsoon over the western ghats, and then more";
        assertThat(common.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(72);
        String first = common + " mangoes";
        String second = common + " bananas";

        String hash = PASSWORDS.hash(first);

        assertThat(PASSWORDS.verify(first, hash)).isTrue();
        assertThat(PASSWORDS.verify(second, hash)).isFalse();
    }

    @Test
    void verifiesA2bHashMadeElsewhere() {
        String hash = BCrypt.with(BCrypt.Version.VERSION_2B).hashToString(4, "orbit lantern chutney 42".toCharArray());

        assertThat(hash).startsWith("$2b$04$");
        assertThat(PASSWORDS.verify("orbit lantern chutney 42", hash)).isTrue();
        assertThat(PASSWORDS.needsRehash(hash)).isTrue();
    }

    @Test
    void answersFalseForAMalformedHash() {
        assertThat(PASSWORDS.verify("orbit lantern chutney 42", "not a hash")).isFalse();
        assertThat(PASSWORDS.verify("orbit lantern chutney 42", "")).isFalse();
        assertThat(PASSWORDS.verify("orbit lantern chutney 42", null)).isFalse();
        assertThat(PASSWORDS.verify("orbit lantern chutney 42", "$2a$12$tooshort")).isFalse();
        assertThat(PASSWORDS.verify("orbit lantern chutney 42", "$2a$99$" + "a".repeat(53))).isFalse();
        assertThat(PASSWORDS.verify("orbit lantern chutney 42", "$9z$12$" + "a".repeat(53))).isFalse();
    }

    @Test
    void refusesACostOutside12To16() {
        assertThatThrownBy(() -> new Passwords(11)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bcrypt cost must be between 12 and 16");
        assertThatThrownBy(() -> new Passwords(17)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bcrypt cost must be between 12 and 16");
        assertThat(PASSWORDS.cost()).isEqualTo(12);
    }

    @Test
    void burnsAnyPasswordWithoutFailing() {
        assertThatCode(() -> PASSWORDS.burn("x".repeat(200))).doesNotThrowAnyException();
    }

    @Test
    void asksForARehashOnlyWhenTheCostDiffers() {
        assertThat(PASSWORDS.needsRehash("$2a$12$" + "a".repeat(53))).isFalse();
        assertThat(PASSWORDS.needsRehash("$2a$10$" + "a".repeat(53))).isTrue();
        assertThat(PASSWORDS.needsRehash("garbage")).isTrue();
    }
}
