package com.quantdesk.app.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The encoder against the packet kite-connect.md B.4 verified from Zerodha's {@code ticker_full.packet}:
 * every field read back by the independent decoder, and the frame header at its exact offsets.
 */
class TickPacketsTest {

    /** The values of {@code ticker_full.packet} (INFY, 2021-07-05 10:41:27 IST). */
    static QuoteSnapshot infy() {
        Instant time = Instant.ofEpochSecond(1_625_461_887L);
        return new QuoteSnapshot(408_065, time, time, 157_370, 7, 157_037, 1_192_471, 256_443, 363_009, 156_915,
                157_500, 156_105, 156_780, 141_100, 172_450,
                new long[] {157_340, 157_335, 157_330, 157_325, 157_320}, new long[] {5, 10, 15, 20, 25},
                new long[] {157_370, 157_375, 157_380, 157_385, 157_390}, new long[] {172, 20, 30, 40, 50},
                new int[] {1, 2, 3, 4, 5});
    }

    static byte[] bytes(ByteBuffer buffer) {
        byte[] b = new byte[buffer.remaining()];
        buffer.duplicate().get(b);
        return b;
    }

    @Test
    void fullPacketCarriesEveryFieldAtItsOffset() {
        byte[] frame = bytes(TickPackets.frame(List.of(new TickPackets.Packet(infy(), TickerMode.FULL))));

        assertThat(frame).hasSize(2 + 2 + 184);
        assertThat(KiteFrameDecoder.u16(frame, 0)).isEqualTo(1);
        assertThat(KiteFrameDecoder.u16(frame, 2)).isEqualTo(184);
        KiteFrameDecoder.Packet p = KiteFrameDecoder.decode(frame).getFirst();
        assertThat(p.token()).isEqualTo(408_065);
        assertThat(p.segment()).isEqualTo(1);
        assertThat(p.lastPrice()).isEqualTo(157_370);
        assertThat(p.lastQuantity()).isEqualTo(7);
        assertThat(p.averagePrice()).isEqualTo(157_037);
        assertThat(p.volume()).isEqualTo(1_192_471);
        assertThat(p.buyQuantity()).isEqualTo(256_443);
        assertThat(p.sellQuantity()).isEqualTo(363_009);
        assertThat(List.of(p.open(), p.high(), p.low(), p.close())).containsExactly(156_915L, 157_500L, 156_105L,
                156_780L);
        assertThat(p.lastTradeTime()).isEqualTo(1_625_461_887L);
        assertThat(p.exchangeTimestamp()).isEqualTo(1_625_461_887L);
        assertThat(List.of(p.oi(), p.oiDayHigh(), p.oiDayLow())).containsOnly(0L);
        assertThat(p.bids().getFirst()).isEqualTo(new KiteFrameDecoder.Depth(5, 157_340, 1, 0));
        assertThat(p.asks().getFirst()).isEqualTo(new KiteFrameDecoder.Depth(172, 157_370, 1, 0));
        assertThat(p.asks().getLast()).isEqualTo(new KiteFrameDecoder.Depth(50, 157_390, 5, 0));
        // INFY's token 408065 = 0x00063A01, big-endian right after the two length bytes.
        assertThat(new byte[] {frame[4], frame[5], frame[6], frame[7]}).containsExactly(0x00, 0x06, 0x3A, 0x01);
    }

    @Test
    void quoteAndLtpPacketsAreCutShortAndShareAFrame() {
        byte[] frame = bytes(TickPackets.frame(List.of(new TickPackets.Packet(infy(), TickerMode.QUOTE),
                new TickPackets.Packet(infy(), TickerMode.LTP))));

        assertThat(frame).hasSize(2 + 2 + 44 + 2 + 8);
        assertThat(KiteFrameDecoder.u16(frame, 0)).isEqualTo(2);
        assertThat(KiteFrameDecoder.u16(frame, 2)).isEqualTo(44);
        assertThat(KiteFrameDecoder.u16(frame, 2 + 2 + 44)).isEqualTo(8);
        List<KiteFrameDecoder.Packet> packets = KiteFrameDecoder.decode(frame);
        assertThat(packets.get(0).close()).isEqualTo(156_780);
        assertThat(packets.get(1).lastPrice()).isEqualTo(157_370);
        assertThat(packets.get(1).volume()).isEqualTo(-1);
    }

    @Test
    void heartbeatIsOneByte() {
        assertThat(bytes(TickPackets.heartbeat())).hasSize(1);
    }
}
