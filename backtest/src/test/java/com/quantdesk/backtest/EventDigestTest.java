package com.quantdesk.backtest;

import static com.quantdesk.core.testing.Generators.anyLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.event.OrderCancelled;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventDigestTest {

    private static final Instant TIME = Instant.parse("2025-01-02T04:00:00Z");

    /** A cancellation whose two free numbers are {@code causation} and {@code remaining}. */
    private static OrderCancelled cancelled(long causation, long remaining, String reason) {
        return new OrderCancelled(1, TIME, AccountId.of("acct"), BotId.of("bot"), causation, OrderId.of(7),
                remaining, reason);
    }

    private static String hex(OrderCancelled... events) {
        EventDigest digest = new EventDigest();
        for (OrderCancelled event : events) {
            digest.add(event);
        }
        return digest.hex();
    }

    @Test
    void theSameEventsGiveTheSameHashAndDifferentNumbersDifferentOnes() {
        // Two numbers side by side: an encoding that confused values, or let one value's bytes run
        // into the next field, would give two of these pairs the same bytes.
        qt().forAll(anyLong(), anyLong(), anyLong(), anyLong()).checkAssert((a, b, c, d) -> {
            assertThat(hex(cancelled(a, b, "r"))).isEqualTo(hex(cancelled(a, b, "r")));
            if (a.longValue() != c || b.longValue() != d) {
                assertThat(hex(cancelled(a, b, "r"))).isNotEqualTo(hex(cancelled(c, d, "r")));
            }
        });
    }

    @Test
    void whereOneEventEndsAndTheNextBeginsIsPartOfTheHash() {
        assertThat(hex(cancelled(1, 2, "ab"), cancelled(3, 4, "c")))
                .isNotEqualTo(hex(cancelled(1, 2, "a"), cancelled(3, 4, "bc")))
                .hasSize(64);
    }

    @Test
    void numbersDecodeBackOneWayOnlyEvenSideBySide() {
        qt().forAll(anyLong(), anyLong()).checkAssert((a, b) -> {
            byte[] bytes = new byte[20];
            int end = EventDigest.writeVarLong(bytes, EventDigest.writeVarLong(bytes, 0, a), b);
            int[] at = {0};

            assertThat(decode(bytes, at)).isEqualTo(a);
            assertThat(decode(bytes, at)).isEqualTo(b);
            assertThat(at[0]).isEqualTo(end);
        });
    }

    @Test
    void smallNumbersTakeFewBytes() {
        byte[] bytes = new byte[10];
        assertThat(EventDigest.writeVarLong(bytes, 0, 0)).isEqualTo(1);
        assertThat(EventDigest.writeVarLong(bytes, 0, -64)).isEqualTo(1);
        assertThat(EventDigest.writeVarLong(bytes, 0, 64)).isEqualTo(2);
        assertThat(EventDigest.writeVarLong(bytes, 0, 250_000L)).isEqualTo(3);
        assertThat(EventDigest.writeVarLong(bytes, 0, Long.MIN_VALUE)).isEqualTo(10);
    }

    /** The reading side of the encoding, written from its description. */
    private static long decode(byte[] bytes, int[] at) {
        long zigzag = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = bytes[at[0]++];
            zigzag |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (zigzag >>> 1) ^ -(zigzag & 1);
            }
        }
    }
}
