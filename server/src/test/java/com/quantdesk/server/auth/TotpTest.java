package com.quantdesk.server.auth;

import com.quantdesk.core.time.ManualClock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TotpTest {

    /** The SHA-1 seed of RFC 6238's test vectors, "12345678901234567890", in base32. */
    private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    private static final Instant NOW = Instant.parse("2026-03-02T09:15:10Z");

    private final ManualClock clock = new ManualClock(NOW);
    private final Totp totp = new Totp(clock);

    @Test
    void producesTheRfc6238CodesCutToSixDigits() {
        assertThat(Base32.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII))).isEqualTo(RFC_SECRET);
        // The RFC lists 8-digit codes (94287082, 07081804, 14050471, 89005924, 69279037); these are their last 6.
        assertThat(totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111111))).isEqualTo("050471");
        assertThat(totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
        assertThat(totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
    }

    @Test
    void agreesWithAnIndependentHmacComputation() throws Exception {
        String secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
        for (long seconds : List.of(0L, 29L, 30L, 1_700_000_000L, NOW.getEpochSecond())) {
            Instant time = Instant.ofEpochSecond(seconds);
            assertThat(totp.codeAt(secret, time)).as("at %s", time).isEqualTo(hotp(Base32.decode(secret), seconds / 30));
        }
    }

    @Test
    void acceptsTheCurrentCodeAndReturnsItsStep() {
        long step = NOW.getEpochSecond() / 30;
        String secret = Totp.newSecret();

        assertThat(totp.verify(secret, totp.codeAt(secret, NOW), -1)).isEqualTo(OptionalLong.of(step));
        assertThat(Totp.step(NOW)).isEqualTo(step);
    }

    @Test
    void acceptsTheCodeOfOneStepEitherSide() {
        long step = Totp.step(NOW);
        String secret = Totp.newSecret();

        assertThat(totp.verify(secret, totp.codeAt(secret, NOW.minusSeconds(30)), -1)).isEqualTo(OptionalLong.of(step - 1));
        assertThat(totp.verify(secret, totp.codeAt(secret, NOW.plusSeconds(30)), -1)).isEqualTo(OptionalLong.of(step + 1));
    }

    @Test
    void refusesTheCodeOfTwoStepsAway() {
        String secret = RFC_SECRET;
        String earlier = totp.codeAt(secret, NOW.minusSeconds(60));
        String later = totp.codeAt(secret, NOW.plusSeconds(60));
        // A different code two steps away could match a nearer step only by coincidence; make sure it does not.
        assertThat(List.of(earlier, later)).doesNotContain(totp.codeAt(secret, NOW.minusSeconds(30)),
                totp.codeAt(secret, NOW), totp.codeAt(secret, NOW.plusSeconds(30)));

        assertThat(totp.verify(secret, earlier, -1)).isEmpty();
        assertThat(totp.verify(secret, later, -1)).isEmpty();
    }

    @Test
    void refusesACodeAlreadyUsed() {
        String secret = RFC_SECRET;
        String code = totp.codeAt(secret, NOW);
        long step = totp.verify(secret, code, -1).orElseThrow();

        assertThat(totp.verify(secret, code, step)).isEmpty();
        clock.advance(Duration.ofSeconds(20));
        assertThat(totp.verify(secret, code, step)).isEmpty();
    }

    @Test
    void refusesAnOlderCodeOnceALaterOneWasUsed() {
        String secret = RFC_SECRET;
        String previous = totp.codeAt(secret, NOW.minusSeconds(30));

        assertThat(totp.verify(secret, previous, Totp.step(NOW))).isEmpty();
    }

    @Test
    void refusesAWrongCode() {
        String secret = RFC_SECRET;
        String right = totp.codeAt(secret, NOW);
        String wrong = String.format(Locale.ROOT, "%06d", (Integer.parseInt(right) + 1) % 1_000_000);

        assertThat(totp.verify(secret, wrong, -1)).isEmpty();
    }

    @Test
    void refusesCodesThatAreNotExactlySixAsciiDigits() {
        String secret = RFC_SECRET;
        String right = totp.codeAt(secret, NOW);

        for (String code : List.of("", right.substring(1), right + "0", " " + right, right.substring(0, 3) + " "
                + right.substring(3), "abcdef", "١٢٣٤٥٦")) {
            assertThat(totp.verify(secret, code, -1)).as("'%s'", code).isEmpty();
        }
        assertThat(totp.verify(secret, null, -1)).isEmpty();
    }

    @Test
    void makesTwentyByteBase32Secrets() {
        String secret = Totp.newSecret();

        assertThat(secret).hasSize(32).matches("[A-Z2-7]+");
        assertThat(Base32.decode(secret)).hasSize(20);
        assertThat(Totp.newSecret()).isNotEqualTo(secret);
    }

    @Test
    void encodesAndDecodesBase32AsRfc4648Does() {
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.encode("fooba".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTB");
        assertThat(Base32.encode("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(new String(Base32.decode("MZXW6YTBOI======"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        assertThat(new String(Base32.decode("mzxw6ytboi"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
    }

    @Test
    void refusesASecretWithCharactersOutsideTheBase32Alphabet() {
        assertThatThrownBy(() -> Base32.decode("MZXW6YTB0I")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not base32: invalid character at position 8");
        assertThatThrownBy(() -> Base32.decode("MZXW 6YTBO")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base32.decode("MZX")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> totp.verify("not base32!", "123456", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writesAnOtpauthUriWithItsPartsEncoded() {
        assertThat(Totp.uri("Quantdesk", "priya@example.com", "JBSWY3DPEHPK3PXP")).isEqualTo(
                "otpauth://totp/Quantdesk:priya%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Quantdesk"
                        + "&algorithm=SHA1&digits=6&period=30");
        assertThat(Totp.uri("Quant Desk & Co", "a:b", "JBSWY3DPEHPK3PXP")).isEqualTo(
                "otpauth://totp/Quant%20Desk%20%26%20Co:a%3Ab?secret=JBSWY3DPEHPK3PXP&issuer=Quant%20Desk%20%26%20Co"
                        + "&algorithm=SHA1&digits=6&period=30");
    }

    /** RFC 4226's HOTP, written out here so the test does not only check the library against itself. */
    private static String hotp(byte[] key, long counter) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        byte[] digest = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
        int offset = digest[digest.length - 1] & 0x0f;
        int binary = ((digest[offset] & 0x7f) << 24) | ((digest[offset + 1] & 0xff) << 16)
                | ((digest[offset + 2] & 0xff) << 8) | (digest[offset + 3] & 0xff);
        return String.format(Locale.ROOT, "%06d", binary % 1_000_000);
    }
}
