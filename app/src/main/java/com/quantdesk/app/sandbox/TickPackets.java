package com.quantdesk.app.sandbox;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;

/**
 * Kite's binary ticker frames (B.4), big-endian: {@code uint16} packet count, then each packet as
 * {@code uint16} length and body. Bodies are 8 bytes (ltp), 44 (quote) or 184 (full, with five
 * levels of depth); prices in paise (NSE divisor 100).
 */
final class TickPackets {

    /** Length of an ltp packet. */
    static final int LTP_LENGTH = 8;
    /** Length of a quote packet. */
    static final int QUOTE_LENGTH = 44;
    /** Length of a full packet. */
    static final int FULL_LENGTH = 184;

    private TickPackets() {
    }

    /** One subscribed instrument's packet to send, in its mode. */
    record Packet(QuoteSnapshot quote, TickerMode mode) {
    }

    /** A frame holding {@code packets} in order. */
    static ByteBuffer frame(List<Packet> packets) {
        int size = 2;
        for (Packet p : packets) {
            size += 2 + length(p.mode());
        }
        ByteBuffer buffer = ByteBuffer.allocate(size);
        buffer.putShort((short) packets.size());
        for (Packet p : packets) {
            buffer.putShort((short) length(p.mode()));
            write(buffer, p.quote(), p.mode());
        }
        return buffer.flip();
    }

    /** The one-byte keep-alive frame clients ignore (B.3). */
    static ByteBuffer heartbeat() {
        return ByteBuffer.wrap(new byte[] {0});
    }

    /**
     * A frame that lies: it announces two quote packets but carries one, cut short. A robust client
     * counts and skips it.
     */
    static ByteBuffer malformed() {
        ByteBuffer buffer = ByteBuffer.allocate(2 + 2 + 10);
        buffer.putShort((short) 2);
        buffer.putShort((short) QUOTE_LENGTH);
        buffer.putInt(0x7fffffff).putInt(-1).putShort((short) 0x5a5a);
        return buffer.flip();
    }

    private static int length(TickerMode mode) {
        return switch (mode) {
            case LTP -> LTP_LENGTH;
            case QUOTE -> QUOTE_LENGTH;
            case FULL -> FULL_LENGTH;
        };
    }

    private static void write(ByteBuffer b, QuoteSnapshot q, TickerMode mode) {
        b.putInt((int) q.token());
        b.putInt(toInt(q.lastPrice()));
        if (mode == TickerMode.LTP) {
            return;
        }
        b.putInt(toInt(q.lastQuantity()));
        b.putInt(toInt(q.averagePrice()));
        b.putInt(toInt(q.volume()));
        b.putInt(toInt(q.buyQuantity()));
        b.putInt(toInt(q.sellQuantity()));
        b.putInt(toInt(q.open()));
        b.putInt(toInt(q.high()));
        b.putInt(toInt(q.low()));
        b.putInt(toInt(q.close()));
        if (mode == TickerMode.QUOTE) {
            return;
        }
        b.putInt(seconds(q.lastTradeTime()));
        b.putInt(0);
        b.putInt(0);
        b.putInt(0);
        b.putInt(seconds(q.time()));
        for (int i = 0; i < 5; i++) {
            depth(b, q.bidQuantity()[i], q.bidPrice()[i], q.orders()[i]);
        }
        for (int i = 0; i < 5; i++) {
            depth(b, q.askQuantity()[i], q.askPrice()[i], q.orders()[i]);
        }
    }

    private static void depth(ByteBuffer b, long quantity, long price, int orders) {
        b.putInt(toInt(quantity));
        b.putInt(toInt(price));
        b.putShort((short) orders);
        b.putShort((short) 0);
    }

    private static int seconds(Instant time) {
        return time == null ? 0 : (int) time.getEpochSecond();
    }

    /** Kite's fields are 32 bits, read unsigned by careful clients; larger values wrap as on the wire. */
    private static int toInt(long value) {
        return (int) value;
    }
}
