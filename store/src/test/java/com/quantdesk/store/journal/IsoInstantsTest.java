package com.quantdesk.store.journal;

import static com.quantdesk.core.testing.Generators.spreadLongs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    @Test
    void readsBackWhatInstantToStringWrote() {
        qt().withExamples(3_000)
                .forAll(spreadLongs(-62_135_596_800L, 253_402_300_799L), spreadLongs(0, 999_999_999))
                .checkAssert((second, nanos) -> {
                    Instant instant = Instant.ofEpochSecond(second, nanos);
                    assertThat(IsoInstants.parse(instant.toString())).isEqualTo(instant);
                    Instant millis = Instant.ofEpochSecond(second, nanos / 1_000_000 * 1_000_000);
                    assertThat(IsoInstants.parse(millis.toString())).isEqualTo(millis);
                    Instant whole = Instant.ofEpochSecond(second);
                    assertThat(IsoInstants.parse(whole.toString())).isEqualTo(whole);
                });
    }

    @Test
    void anythingElseIsParsedOrRefusedExactlyAsInstantParseDoes() {
        for (String text : new String[] {"2026-11-23T03:45:00.1Z", "2026-11-23T03:45:00+05:30",
                "+12026-11-23T03:45:00Z", "2026-11-23T03:45:00.12345678901Z", "2026-02-30T03:45:00Z",
                "2026-11-23T24:00:00Z", "2026-11-23T23:59:60Z", "2026-11-23 03:45:00Z", "2026-11-23T03:45:0xZ", "",
                "2026-11-23T03:45:00.Z", "2026-11-23t03:45:00z"}) {
            Instant expected;
            try {
                expected = Instant.parse(text);
            } catch (DateTimeParseException e) {
                assertThatThrownBy(() -> IsoInstants.parse(text)).as(text).isInstanceOf(DateTimeParseException.class)
                        .hasMessage(e.getMessage());
                continue;
            }
            assertThat(IsoInstants.parse(text)).as(text).isEqualTo(expected);
        }
    }
}
