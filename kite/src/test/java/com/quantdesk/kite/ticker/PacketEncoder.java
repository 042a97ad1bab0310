package com.quantdesk.kite.ticker;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Test encoder of ticker packets, written from the byte offsets of docs/kite-connect.md §B.4
 * independently of {@link TickerDecoder}: each field is put at its documented absolute offset.
 */
final class PacketEncoder {

    private PacketEncoder() {
    }

    /** A frame: uint16 count, then each packet behind its uint16 length. */
    static byte[] frame(List<byte[]> packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(packets.size() >>> 8);
        out.write(packets.size() & 0xFF);
        for (byte[] packet : packets) {
            out.write(packet.length >>> 8);
            out.write(packet.length & 0xFF);
            out.writeBytes(packet);
        }
        return out.toByteArray();
    }

    /** A frame of the given packets. */
    static byte[] frame(byte[]... packets) {
        return frame(List.of(packets));
    }

    static byte[] encode(TickerPacket packet) {
        return switch (packet) {
            case TickerPacket.Ltp l -> ltp(l);
            case TickerPacket.IndexQuote i -> indexQuote(i, 28).array();
            case TickerPacket.IndexFull i -> indexFull(i);
            case TickerPacket.Quote q -> quote(q, 44).array();
            case TickerPacket.Full f -> full(f);
        };
    }

    private static byte[] ltp(TickerPacket.Ltp l) {
        ByteBuffer b = ByteBuffer.allocate(8);
        b.putInt(0, (int) l.instrumentToken());
        b.putInt(4, (int) l.lastPrice());
        return b.array();
    }

    private static ByteBuffer indexQuote(TickerPacket.IndexQuote i, int length) {
        ByteBuffer b = ByteBuffer.allocate(length);
        b.putInt(0, (int) i.instrumentToken());
        b.putInt(4, (int) i.lastPrice());
        b.putInt(8, (int) i.ohlc().high());
        b.putInt(12, (int) i.ohlc().low());
        b.putInt(16, (int) i.ohlc().open());
        b.putInt(20, (int) i.ohlc().close());
        b.putInt(24, (int) i.change());
        return b;
    }

    private static byte[] indexFull(TickerPacket.IndexFull i) {
        ByteBuffer b = indexQuote(i.quote(), 32);
        b.putInt(28, (int) i.exchangeTimestamp().getEpochSecond());
        return b.array();
    }

    private static ByteBuffer quote(TickerPacket.Quote q, int length) {
        ByteBuffer b = ByteBuffer.allocate(length);
        b.putInt(0, (int) q.instrumentToken());
        b.putInt(4, (int) q.lastPrice());
        b.putInt(8, (int) q.lastQuantity());
        b.putInt(12, (int) q.averagePrice());
        b.putInt(16, (int) q.volume());
        b.putInt(20, (int) q.totalBuyQuantity());
        b.putInt(24, (int) q.totalSellQuantity());
        b.putInt(28, (int) q.ohlc().open());
        b.putInt(32, (int) q.ohlc().high());
        b.putInt(36, (int) q.ohlc().low());
        b.putInt(40, (int) q.ohlc().close());
        return b;
    }

    private static byte[] full(TickerPacket.Full f) {
        ByteBuffer b = quote(f.quote(), 184);
        b.putInt(44, (int) f.lastTradeTime().getEpochSecond());
        b.putInt(48, (int) f.openInterest());
        b.putInt(52, (int) f.openInterestHigh());
        b.putInt(56, (int) f.openInterestLow());
        b.putInt(60, (int) f.exchangeTimestamp().getEpochSecond());
        for (int i = 0; i < 10; i++) {
            DepthLevel level = i < 5 ? f.depth().bids().get(i) : f.depth().offers().get(i - 5);
            int at = 64 + 12 * i;
            b.putInt(at, (int) level.quantity());
            b.putInt(at + 4, (int) level.price());
            b.putShort(at + 8, (short) level.orders());
            // bytes at + 10 and at + 11 are padding
        }
        return b.array();
    }
}
