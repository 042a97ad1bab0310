package com.quantdesk.app.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * A decoder of Kite ticker frames written from kite-connect.md B.4 alone, independent of the
 * sandbox's encoder: shifts over bytes, unsigned where the doc says counts are unsigned. It fails on
 * any byte it cannot account for.
 */
final class KiteFrameDecoder {

    private KiteFrameDecoder() {
    }

    /** One depth entry: quantity, price (paise), orders, and the two padding bytes. */
    record Depth(long quantity, long price, int orders, int padding) {
    }

    /** A decoded packet; fields a shorter mode does not carry are -1 (and depth empty). */
    record Packet(int length, long token, long lastPrice, long lastQuantity, long averagePrice, long volume,
                  long buyQuantity, long sellQuantity, long open, long high, long low, long close,
                  long lastTradeTime, long oi, long oiDayHigh, long oiDayLow, long exchangeTimestamp,
                  List<Depth> bids, List<Depth> asks) {

        int segment() {
            return (int) (token & 0xff);
        }
    }

    /** Decodes a whole frame; throws if the lengths do not add up to the frame exactly. */
    static List<Packet> decode(byte[] frame) {
        if (frame.length < 2) {
            throw new IllegalArgumentException("heartbeat, not a data frame");
        }
        int count = u16(frame, 0);
        int at = 2;
        List<Packet> packets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (at + 2 > frame.length) {
                throw new IllegalArgumentException("frame ends before packet " + i + "'s length");
            }
            int length = u16(frame, at);
            at += 2;
            if (at + length > frame.length) {
                throw new IllegalArgumentException("packet " + i + " of " + length + " bytes overruns the frame");
            }
            packets.add(packet(frame, at, length));
            at += length;
        }
        if (at != frame.length) {
            throw new IllegalArgumentException((frame.length - at) + " bytes after the last packet");
        }
        return packets;
    }

    private static Packet packet(byte[] b, int at, int length) {
        long token = u32(b, at);
        long ltp = s32(b, at + 4);
        if (length == 8) {
            return new Packet(8, token, ltp, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, List.of(),
                    List.of());
        }
        if (length != 44 && length != 184) {
            throw new IllegalArgumentException("unexpected packet length " + length);
        }
        long lastQuantity = u32(b, at + 8);
        long average = s32(b, at + 12);
        long volume = u32(b, at + 16);
        long buy = u32(b, at + 20);
        long sell = u32(b, at + 24);
        long open = s32(b, at + 28);
        long high = s32(b, at + 32);
        long low = s32(b, at + 36);
        long close = s32(b, at + 40);
        if (length == 44) {
            return new Packet(44, token, ltp, lastQuantity, average, volume, buy, sell, open, high, low, close,
                    -1, -1, -1, -1, -1, List.of(), List.of());
        }
        List<Depth> bids = new ArrayList<>();
        List<Depth> asks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int d = at + 64 + 12 * i;
            Depth depth = new Depth(u32(b, d), s32(b, d + 4), u16(b, d + 8), u16(b, d + 10));
            (i < 5 ? bids : asks).add(depth);
        }
        return new Packet(184, token, ltp, lastQuantity, average, volume, buy, sell, open, high, low, close,
                u32(b, at + 44), u32(b, at + 48), u32(b, at + 52), u32(b, at + 56), u32(b, at + 60), bids, asks);
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    static long u32(byte[] b, int at) {
        return (long) (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    static long s32(byte[] b, int at) {
        return (int) u32(b, at);
    }
}
