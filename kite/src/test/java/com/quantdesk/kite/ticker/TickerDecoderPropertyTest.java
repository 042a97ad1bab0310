package com.quantdesk.kite.ticker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link TickerDecoder}. QuickTheories prints the seed of a failing run; a frame built
 * from a {@code long} names that long in the assertion message too.
 */
class TickerDecoderPropertyTest {

    private final TickerDecoder decoder = new TickerDecoder();

    @Test
    void randomBytesNeverThrowAndEveryByteIsAccountedFor() {
        qt().withExamples(20_000)
                .forAll(lists().of(integers().between(0, 255)).ofSizeBetween(0, 400))
                .checkAssert(values -> {
                    byte[] bytes = new byte[values.size()];
                    for (int i = 0; i < bytes.length; i++) {
                        bytes[i] = values.get(i).byteValue();
                    }

                    DecodedMessage message = decoder.decode(bytes);

                    assertThat(message.heartbeat()).isEqualTo(bytes.length < 2);
                    for (SkippedBytes skip : message.skipped()) {
                        assertThat(skip.offset()).isBetween(2, bytes.length);
                        assertThat(skip.offset() + skip.length()).isLessThanOrEqualTo(bytes.length);
                    }
                });
    }

    @Test
    void anEncodedValidFrameDecodesBackToItsPackets() {
        qt().withExamples(3_000)
                .forAll(longs().all())
                .checkAssert(seed -> {
                    List<TickerPacket> packets = randomPackets(new SplittableRandom(seed));
                    byte[] frame = PacketEncoder.frame(packets.stream().map(PacketEncoder::encode).toList());

                    DecodedMessage message = decoder.decode(frame);

                    assertThat(message.skipped()).as("frame of seed %d", seed).isEmpty();
                    assertThat(message.packets()).as("frame of seed %d", seed).isEqualTo(packets);
                });
    }

    @Test
    void aCutOrCorruptedFrameNeverThrowsAndACutOneKeepsItsWholePackets() {
        qt().withExamples(5_000)
                .forAll(longs().all())
                .checkAssert(seed -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    List<TickerPacket> packets = randomPackets(random);
                    byte[] frame = PacketEncoder.frame(packets.stream().map(PacketEncoder::encode).toList());
                    byte[] damaged = java.util.Arrays.copyOf(frame, random.nextInt(frame.length + 1));
                    boolean cut = damaged.length < frame.length;
                    if (!cut && damaged.length > 0) {
                        damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                    }

                    DecodedMessage message = decoder.decode(damaged);

                    if (cut && damaged.length >= 2) {
                        assertThat(message.malformed()).as("cut frame of seed %d", seed).isTrue();
                        assertThat(message.packets()).as("cut frame of seed %d", seed)
                                .isEqualTo(packets.subList(0, message.packets().size()));
                    }
                });
    }

    private static List<TickerPacket> randomPackets(SplittableRandom random) {
        int count = random.nextInt(0, 12);
        List<TickerPacket> packets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            packets.add(randomPacket(random));
        }
        return packets;
    }

    private static TickerPacket randomPacket(SplittableRandom r) {
        return switch (r.nextInt(5)) {
            case 0 -> new TickerPacket.Ltp(unsigned(r), r.nextInt());
            case 1 -> indexQuote(r);
            case 2 -> new TickerPacket.IndexFull(indexQuote(r), time(r));
            case 3 -> quote(r);
            default -> new TickerPacket.Full(quote(r), time(r), unsigned(r), unsigned(r), unsigned(r), time(r),
                    new Depth(levels(r), levels(r)));
        };
    }

    private static TickerPacket.IndexQuote indexQuote(SplittableRandom r) {
        return new TickerPacket.IndexQuote(unsigned(r), r.nextInt(), ohlc(r), r.nextInt());
    }

    private static TickerPacket.Quote quote(SplittableRandom r) {
        return new TickerPacket.Quote(unsigned(r), r.nextInt(), unsigned(r), r.nextInt(), unsigned(r), unsigned(r),
                unsigned(r), ohlc(r));
    }

    private static Ohlc ohlc(SplittableRandom r) {
        return new Ohlc(r.nextInt(), r.nextInt(), r.nextInt(), r.nextInt());
    }

    private static List<DepthLevel> levels(SplittableRandom r) {
        List<DepthLevel> levels = new ArrayList<>(5);
        for (int i = 0; i < 5; i++) {
            levels.add(new DepthLevel(unsigned(r), r.nextInt(), r.nextInt(0, 0x10000)));
        }
        return levels;
    }

    private static long unsigned(SplittableRandom r) {
        return Integer.toUnsignedLong(r.nextInt());
    }

    private static Instant time(SplittableRandom r) {
        return Instant.ofEpochSecond(unsigned(r));
    }
}
