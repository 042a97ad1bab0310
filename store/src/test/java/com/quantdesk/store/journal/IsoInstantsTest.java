package com.quantdesk.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {

    @Property(tries = 3000)
    void readsBackWhatInstantToStringWrote(@ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long second,
                                           @ForAll @LongRange(min = 0, max = 999_999_999) long nanos) {
        Instant instant = Instant.ofEpochSecond(second, nanos);
        assertThat(IsoInstants.parse(instant.toString())).isEqualTo(instant);
        Instant millis = Instant.ofEpochSecond(second, nanos / 1_000_000 * 1_000_000);
        assertThat(IsoInstants.parse(millis.toString())).isEqualTo(millis);
        Instant whole = Instant.ofEpochSecond(second);
        assertThat(IsoInstants.parse(whole.toString())).isEqualTo(whole);
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
