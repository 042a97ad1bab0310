package com.quantdesk.kite.ticker;

import com.quantdesk.kite.ticker.SkippedBytes.Reason;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one binary message of the Kite ticker (docs/kite-connect.md §B.4, big-endian):
 * {@code uint16 N}, then N times {@code uint16 len} and {@code len} bytes of packet, the length telling
 * the packet's kind (8 LTP, 28 index quote, 32 index full, 44 quote, 184 full). A message shorter than
 * two bytes is a heartbeat.
 *
 * <p>Nothing a peer sends makes it throw: a packet of unknown length is skipped and decoding goes on
 * with the next; a message that ends early keeps the packets before the break; bytes after the
 * announced packets are reported. Each defect is one {@link SkippedBytes} in the result, so the feed
 * counts the malformed message and carries on. Stateless and thread-safe.
 */
public final class TickerDecoder {

    /** Length of an LTP packet. */
    public static final int LTP_LENGTH = 8;
    /** Length of an index packet in quote mode. */
    public static final int INDEX_QUOTE_LENGTH = 28;
    /** Length of an index packet in full mode. */
    public static final int INDEX_FULL_LENGTH = 32;
    /** Length of a quote packet. */
    public static final int QUOTE_LENGTH = 44;
    /** Length of a full packet. */
    public static final int FULL_LENGTH = 184;

    private static final int DEPTH_OFFSET = 64;
    private static final int DEPTH_ENTRY_LENGTH = 12;
    private static final int DEPTH_LEVELS = 5;

    /** Decodes the whole array. */
    public DecodedMessage decode(byte[] message) {
        return decode(ByteBuffer.wrap(message));
    }

    /** Decodes the remaining bytes of {@code message}; its position is left unchanged. */
    public DecodedMessage decode(ByteBuffer message) {
        ByteBuffer in = message.slice().order(ByteOrder.BIG_ENDIAN);
        if (in.remaining() < 2) {
            return new DecodedMessage(true, List.of(), List.of());
        }
        int count = Short.toUnsignedInt(in.getShort());
        List<TickerPacket> packets = new ArrayList<>(Math.min(count, in.remaining() / (2 + LTP_LENGTH) + 1));
        List<SkippedBytes> skipped = new ArrayList<>(0);
        for (int i = 0; i < count; i++) {
            int start = in.position();
            if (in.remaining() < 2) {
                skipped.add(new SkippedBytes(start, in.remaining(), Reason.TRUNCATED,
                        "packet " + (i + 1) + " of " + count + ": no room for its length"));
                return new DecodedMessage(false, packets, skipped);
            }
            int length = Short.toUnsignedInt(in.getShort());
            if (in.remaining() < length) {
                skipped.add(new SkippedBytes(start, 2 + in.remaining(), Reason.TRUNCATED,
                        "packet " + (i + 1) + " of " + count + ": length " + length + ", "
                                + in.remaining() + " bytes left"));
                return new DecodedMessage(false, packets, skipped);
            }
            ByteBuffer body = in.slice(in.position(), length).order(ByteOrder.BIG_ENDIAN);
            in.position(in.position() + length);
            TickerPacket packet = decodePacket(body);
            if (packet == null) {
                skipped.add(new SkippedBytes(start, 2 + length, Reason.UNKNOWN_PACKET_LENGTH,
                        "packet " + (i + 1) + " of " + count + ": length " + length));
            } else {
                packets.add(packet);
            }
        }
        if (in.hasRemaining()) {
            skipped.add(new SkippedBytes(in.position(), in.remaining(), Reason.TRAILING_BYTES,
                    in.remaining() + " bytes after " + count + " packets"));
        }
        return new DecodedMessage(false, packets, skipped);
    }

    /** One packet, or null when its length is not a known kind. */
    private static TickerPacket decodePacket(ByteBuffer p) {
        return switch (p.remaining()) {
            case LTP_LENGTH -> new TickerPacket.Ltp(token(p), p.getInt(4));
            case INDEX_QUOTE_LENGTH -> indexQuote(p);
            case INDEX_FULL_LENGTH -> new TickerPacket.IndexFull(indexQuote(p), time(p, 28));
            case QUOTE_LENGTH -> quote(p);
            case FULL_LENGTH -> full(p);
            default -> null;
        };
    }

    private static TickerPacket.IndexQuote indexQuote(ByteBuffer p) {
        // Index packets send high, low, open, close: not the open-first order of tradable packets.
        Ohlc ohlc = new Ohlc(p.getInt(16), p.getInt(8), p.getInt(12), p.getInt(20));
        return new TickerPacket.IndexQuote(token(p), p.getInt(4), ohlc, p.getInt(24));
    }

    private static TickerPacket.Quote quote(ByteBuffer p) {
        Ohlc ohlc = new Ohlc(p.getInt(28), p.getInt(32), p.getInt(36), p.getInt(40));
        return new TickerPacket.Quote(token(p), p.getInt(4), count(p, 8), p.getInt(12), count(p, 16),
                count(p, 20), count(p, 24), ohlc);
    }

    private static TickerPacket.Full full(ByteBuffer p) {
        List<DepthLevel> bids = new ArrayList<>(DEPTH_LEVELS);
        List<DepthLevel> offers = new ArrayList<>(DEPTH_LEVELS);
        for (int level = 0; level < 2 * DEPTH_LEVELS; level++) {
            int at = DEPTH_OFFSET + level * DEPTH_ENTRY_LENGTH;
            DepthLevel entry = new DepthLevel(count(p, at), p.getInt(at + 4), Short.toUnsignedInt(p.getShort(at + 8)));
            (level < DEPTH_LEVELS ? bids : offers).add(entry);
        }
        return new TickerPacket.Full(quote(p), time(p, 44), count(p, 48), count(p, 52), count(p, 56),
                time(p, 60), new Depth(bids, offers));
    }

    private static long token(ByteBuffer p) {
        return count(p, 0);
    }

    private static long count(ByteBuffer p, int at) {
        return Integer.toUnsignedLong(p.getInt(at));
    }

    private static Instant time(ByteBuffer p, int at) {
        return Instant.ofEpochSecond(count(p, at));
    }
}
