package com.quantdesk.kite.ticker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.kite.ticker.SkippedBytes.Reason;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickerDecoderTest {

    private static final Instant TRADE_TIME = OffsetDateTime.parse("2021-07-05T10:41:27+05:30").toInstant();

    /**
     * The full packet whose decode docs/kite-connect.md §B.4 verified against Zerodha's
     * {@code ticker_full.packet}, written field by field at the documented offsets.
     */
    private static final String INFY_FULL = String.join("",
            "00063a01", // 0 instrument_token 408065 (low byte 1: NSE)
            "000266ba", // 4 last_price 157370
            "00000007", // 8 last_traded_quantity 7
            "0002656d", // 12 average_traded_price 157037
            "00123217", // 16 volume_traded 1192471
            "0003e9bb", // 20 total_buy_quantity 256443
            "00058a01", // 24 total_sell_quantity 363009
            "000264f3", // 28 open 156915
            "0002673c", // 32 high 157500
            "000261c9", // 36 low 156105
            "0002646c", // 40 close 156780
            "60e2947f", // 44 last_trade_time 1625461887
            "00000000", // 48 oi
            "00000000", // 52 oi_day_high
            "00000000", // 56 oi_day_low
            "60e2947f", // 60 exchange_timestamp 1625461887
            "00000005" + "0002669c" + "0001" + "0000", // bid 0: 5 @ 157340, 1 order, padding
            "00".repeat(12 * 4), // bids 1-4
            "000000ac" + "000266ba" + "0003" + "0000", // offer 0: 172 @ 157370, 3 orders
            "00".repeat(12 * 4)); // offers 1-4

    private final TickerDecoder decoder = new TickerDecoder();

    @Test
    void decodesTheFullPacketVerifiedAgainstZerodhasMock() {
        byte[] packet = HexFormat.of().parseHex(INFY_FULL);
        assertThat(packet).hasSize(184);

        DecodedMessage message = decoder.decode(PacketEncoder.frame(packet));

        assertThat(message.malformed()).isFalse();
        assertThat(message.heartbeat()).isFalse();
        TickerPacket.Full full = (TickerPacket.Full) message.packets().getFirst();
        assertThat(full.segment()).isEqualTo(Segment.NSE);
        assertThat(full.quote()).isEqualTo(new TickerPacket.Quote(408065, 157370, 7, 157037, 1192471, 256443,
                363009, new Ohlc(156915, 157500, 156105, 156780)));
        assertThat(full.segment().toRupees(full.lastPrice())).isEqualByComparingTo("1573.70");
        assertThat(full.segment().toPaiseExact(full.lastPrice())).isEqualTo(1573_70L);
        assertThat(full.lastTradeTime()).isEqualTo(TRADE_TIME);
        assertThat(full.exchangeTimestamp()).isEqualTo(TRADE_TIME);
        assertThat(full.openInterest()).isZero();
        assertThat(full.depth().bids()).hasSize(5).first().isEqualTo(new DepthLevel(5, 157340, 1));
        assertThat(full.depth().offers()).hasSize(5).first().isEqualTo(new DepthLevel(172, 157370, 3));
        assertThat(full.quote().change()).isEqualTo(157370 - 156780);
    }

    @Test
    void decodesAnLtpPacket() {
        byte[] frame = HexFormat.of().parseHex("0001" + "0008" + "00063a01" + "000266ba");

        DecodedMessage message = decoder.decode(frame);

        assertThat(message.packets()).containsExactly(new TickerPacket.Ltp(408065, 157370));
        assertThat(message.skipped()).isEmpty();
    }

    @Test
    void decodesAQuotePacketWithOpenHighLowCloseInThatOrder() {
        byte[] frame = HexFormat.of().parseHex("0001" + "002c"
                + "00063a01" + "000266ba" + "00000007" + "0002656d" + "00123217" + "0003e9bb" + "00058a01"
                + "00000001" + "00000002" + "00000003" + "00000004");

        DecodedMessage message = decoder.decode(frame);

        assertThat(message.packets()).containsExactly(new TickerPacket.Quote(408065, 157370, 7, 157037, 1192471,
                256443, 363009, new Ohlc(1, 2, 3, 4)));
    }

    @Test
    void decodesIndexPacketsWhoseHighLowOpenOrderDiffersFromTradables() {
        // NIFTY 50: token 256265 = 0x0003e909, low byte 9 = INDICES
        String quote = "0003e909" + "0016e360" // last 1500000
                + "00170000" + "00160000" + "00165000" + "00166000" // high, low, open, close
                + "fffffc18"; // change -1000
        byte[] frame = HexFormat.of().parseHex("0002" + "001c" + quote + "0020" + quote + "60e2947f");

        DecodedMessage message = decoder.decode(frame);

        TickerPacket.IndexQuote expected = new TickerPacket.IndexQuote(256265, 1_500_000,
                new Ohlc(0x165000, 0x170000, 0x160000, 0x166000), -1000);
        assertThat(message.packets()).containsExactly(expected, new TickerPacket.IndexFull(expected, TRADE_TIME));
        assertThat(message.packets().getFirst().segment()).isEqualTo(Segment.INDICES);
    }

    @Test
    void decodesAFrameOfSeveralPacketsOfMixedKinds() {
        TickerPacket.Ltp ltp = new TickerPacket.Ltp(884737, 45_000);
        TickerPacket.Quote quote = new TickerPacket.Quote(408065, 157370, 7, 157037, 1192471, 256443, 363009,
                new Ohlc(156915, 157500, 156105, 156780));
        TickerPacket.Full full = (TickerPacket.Full) decoder.decode(
                PacketEncoder.frame(HexFormat.of().parseHex(INFY_FULL))).packets().getFirst();
        byte[] frame = PacketEncoder.frame(PacketEncoder.encode(ltp), PacketEncoder.encode(quote),
                PacketEncoder.encode(full), PacketEncoder.encode(ltp));

        DecodedMessage message = decoder.decode(frame);

        assertThat(message.packets()).containsExactly(ltp, quote, full, ltp);
        assertThat(message.malformed()).isFalse();
    }

    @Test
    void readsQuantitiesAndTimesAsUnsigned() {
        TickerPacket.Quote quote = new TickerPacket.Quote(0xFFFF_FF01L, -5, 0xFFFF_FFFFL, 1, 0x8000_0000L, 2, 3,
                new Ohlc(-1, 0, 1, 2));

        DecodedMessage message = decoder.decode(PacketEncoder.frame(PacketEncoder.encode(quote)));

        assertThat(message.packets()).containsExactly(quote);
        assertThat(message.packets().getFirst().segment()).isEqualTo(Segment.NSE);
    }

    @Test
    void treatsMessagesShorterThanTwoBytesAsHeartbeats() {
        assertThat(decoder.decode(new byte[] {0})).isEqualTo(new DecodedMessage(true, List.of(), List.of()));
        assertThat(decoder.decode(new byte[0]).heartbeat()).isTrue();
    }

    @Test
    void acceptsAFrameWithoutPackets() {
        DecodedMessage message = decoder.decode(new byte[] {0, 0});

        assertThat(message).isEqualTo(new DecodedMessage(false, List.of(), List.of()));
    }

    @Test
    void keepsThePacketsBeforeATruncationAndReportsIt() {
        byte[] whole = PacketEncoder.frame(PacketEncoder.encode(new TickerPacket.Ltp(408065, 1)),
                PacketEncoder.encode(new TickerPacket.Ltp(408065, 2)));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3);

        DecodedMessage message = decoder.decode(cut);

        assertThat(message.packets()).containsExactly(new TickerPacket.Ltp(408065, 1));
        assertThat(message.skipped()).singleElement().satisfies(skip -> {
            assertThat(skip.reason()).isEqualTo(Reason.TRUNCATED);
            assertThat(skip.offset()).isEqualTo(12);
            assertThat(skip.length()).isEqualTo(7);
        });
    }

    @Test
    void reportsAHeaderThatPromisesMorePacketsThanTheFrameHolds() {
        byte[] frame = HexFormat.of().parseHex("0003" + "0008" + "00063a01" + "000266ba" + "00");

        DecodedMessage message = decoder.decode(frame);

        assertThat(message.packets()).hasSize(1);
        assertThat(message.skipped()).extracting(SkippedBytes::reason).containsExactly(Reason.TRUNCATED);
    }

    @Test
    void skipsAPacketOfUnknownLengthAndDecodesTheNext() {
        byte[] frame = HexFormat.of().parseHex("0003"
                + "0008" + "00063a01" + "000266ba"
                + "000a" + "01020304050607080910"
                + "0008" + "00063a01" + "000266bb");

        DecodedMessage message = decoder.decode(frame);

        assertThat(message.packets()).containsExactly(new TickerPacket.Ltp(408065, 157370),
                new TickerPacket.Ltp(408065, 157371));
        assertThat(message.skipped()).containsExactly(
                new SkippedBytes(12, 12, Reason.UNKNOWN_PACKET_LENGTH, "packet 2 of 3: length 10"));
        assertThat(message.malformed()).isTrue();
    }

    @Test
    void reportsBytesAfterTheAnnouncedPackets() {
        byte[] frame = HexFormat.of().parseHex("0001" + "0008" + "00063a01" + "000266ba" + "dead");

        DecodedMessage message = decoder.decode(frame);

        assertThat(message.packets()).hasSize(1);
        assertThat(message.skipped()).singleElement()
                .isEqualTo(new SkippedBytes(12, 2, Reason.TRAILING_BYTES, "2 bytes after 1 packets"));
    }

    @Test
    void survivesGarbage() {
        byte[] garbage = "this is not a ticker frame at all".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        DecodedMessage message = decoder.decode(garbage);

        assertThat(message.malformed()).isTrue();
        assertThat(message.packets()).isEmpty();
    }

    @Test
    void leavesTheBufferPositionAlone() {
        ByteBuffer buffer = ByteBuffer.wrap(PacketEncoder.frame(PacketEncoder.encode(new TickerPacket.Ltp(1, 2))));
        buffer.position(0);

        decoder.decode(buffer);

        assertThat(buffer.position()).isZero();
    }

    @Test
    void dividesPricesBySegment() {
        assertThat(Segment.ofToken(408065)).isEqualTo(Segment.NSE);
        assertThat(Segment.ofToken(0x0100 | 2)).isEqualTo(Segment.NFO);
        assertThat(Segment.ofToken(0x0100 | 3)).isEqualTo(Segment.CDS);
        assertThat(Segment.ofToken(0x0100 | 4)).isEqualTo(Segment.BSE);
        assertThat(Segment.ofToken(0x0100 | 6)).isEqualTo(Segment.BCD);
        assertThat(Segment.ofToken(0x0100 | 7)).isEqualTo(Segment.MCX);
        assertThat(Segment.ofToken(0x0100 | 9)).isEqualTo(Segment.INDICES);
        assertThat(Segment.ofToken(0x0100 | 0x2A)).isEqualTo(Segment.UNKNOWN);
        assertThat(Segment.CDS.divisor()).isEqualTo(10_000_000);
        assertThat(Segment.BCD.divisor()).isEqualTo(10_000);
        assertThat(List.of(Segment.NSE, Segment.NFO, Segment.BSE, Segment.BFO, Segment.MCX, Segment.MCXSX,
                Segment.INDICES, Segment.UNKNOWN)).allSatisfy(s -> assertThat(s.divisor()).isEqualTo(100));
    }

    @Test
    void convertsToPaiseExactlyWhereTheDivisorAllows() {
        assertThat(Segment.NSE.toPaiseExact(157370)).isEqualTo(157370);
        assertThat(Segment.CDS.toRupees(745_025_000)).isEqualByComparingTo(new BigDecimal("74.5025"));
        assertThat(Segment.CDS.toPaiseExact(745_000_000)).isEqualTo(7450);
        assertThat(Segment.BCD.toPaiseExact(745_000)).isEqualTo(7450);
        assertThatThrownBy(() -> Segment.CDS.toPaiseExact(745_025_000)).isInstanceOf(ArithmeticException.class);
        assertThat(Segment.CDS.toPaiseRounded(745_025_000)).isEqualTo(7450);
        assertThat(Segment.CDS.toPaiseRounded(745_075_000)).isEqualTo(7451);
        assertThat(Segment.BCD.toPaiseRounded(745_050)).isEqualTo(7450);
        assertThat(Segment.NSE.paiseExact()).isTrue();
        assertThat(Segment.CDS.paiseExact()).isFalse();
    }
}
