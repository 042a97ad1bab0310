package com.quantdesk.backtest;

import com.quantdesk.core.audit.AuditEntry;
import com.quantdesk.core.bot.BotDefinition;
import com.quantdesk.core.event.AccountOpened;
import com.quantdesk.core.event.AuditRecorded;
import com.quantdesk.core.event.BotCreated;
import com.quantdesk.core.event.BotStateChanged;
import com.quantdesk.core.event.ClosingPriceRecorded;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderAccepted;
import com.quantdesk.core.event.OrderCancelRequested;
import com.quantdesk.core.event.OrderCancelled;
import com.quantdesk.core.event.OrderDenied;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.OrderModified;
import com.quantdesk.core.event.OrderRejected;
import com.quantdesk.core.event.OrderSubmitted;
import com.quantdesk.core.event.PositionChanged;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.core.event.RiskConfigChanged;
import com.quantdesk.core.event.RiskSessionChanged;
import com.quantdesk.core.event.TradingStateChanged;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A SHA-256 over a compact binary encoding of an event stream: the run's determinism fingerprint.
 *
 * <p>Each event is written as a type tag followed by its fields: numbers as variable-length integers
 * (see {@link #putLong}), enum ordinals as a byte, instants as epoch second and nanosecond, strings
 * as a length and their UTF-8 bytes. Every field is self-delimiting, so two different streams never
 * encode to the same bytes. Formatting every event with {@code toString()} did the same job at about
 * a third of a backtest's time.
 */
final class EventDigest {

    private static final int CAPACITY = 8192;
    private static final int MAX_VARINT = 10;
    private static final int NULL_LENGTH = -1;

    private static final int CACHED = 16;

    private final MessageDigest digest;
    // A plain reused array rather than a ByteBuffer: the event switch is too large for the JIT to
    // inline ByteBuffer's checks away, and they showed up in profiles.
    private final byte[] buffer = new byte[CAPACITY];
    private int position;
    // Accounts, bots and symbols are the same few String instances in every event: their encoding
    // is kept in a small cache, indexed by hash and checked by identity.
    private final String[] cachedStrings = new String[CACHED];
    private final byte[][] cachedBytes = new byte[CACHED][];

    EventDigest() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Adds one event to the fingerprint. */
    void add(Event event) {
        switch (event) {
            case OrderSubmitted e -> {
                header(1, e);
                order(e.order());
            }
            case OrderDenied e -> {
                header(2, e);
                order(e.order());
                string(e.reasonCode());
                string(e.message());
                putLong(e.limit());
                putLong(e.attempted());
            }
            case OrderAccepted e -> {
                header(3, e);
                putLong(e.orderId().value());
                string(e.venueOrderId());
            }
            case OrderRejected e -> {
                header(4, e);
                putLong(e.orderId().value());
                string(e.reasonCode());
                string(e.message());
            }
            case OrderFilled e -> {
                header(5, e);
                putLong(e.orderId().value());
                string(e.fillId());
                identifier(e.symbol().value());
                ordinal(e.side());
                ordinal(e.product());
                putLong(e.quantity());
                putLong(e.price());
                putLong(e.charges());
                putLong(e.filledQuantity());
                putLong(e.remaining());
            }
            case OrderCancelled e -> {
                header(6, e);
                putLong(e.orderId().value());
                putLong(e.remaining());
                string(e.reason());
            }
            case OrderModified e -> {
                header(7, e);
                putLong(e.orderId().value());
                putLong(e.quantity());
                putLong(e.limitPrice());
                putLong(e.triggerPrice());
            }
            case PositionChanged e -> {
                header(8, e);
                identifier(e.symbol().value());
                ordinal(e.product());
                putLong(e.quantity());
                putLong(e.costBasis());
                putLong(e.averagePrice());
                putLong(e.realizedPnl());
            }
            case TradingStateChanged e -> {
                header(9, e);
                ordinal(e.previous());
                ordinal(e.current());
                string(e.reason());
                string(e.actor());
            }
            case RiskAlert e -> {
                header(10, e);
                string(e.code());
                string(e.message());
            }
            case RiskConfigChanged e -> {
                header(11, e);
                string(e.item());
                string(e.previous());
                string(e.current());
                string(e.actor());
            }
            case OrderCancelRequested e -> {
                header(12, e);
                putLong(e.orderId().value());
                string(e.reason());
            }
            case AccountOpened e -> {
                header(13, e);
                putLong(e.initialCash());
            }
            case BotCreated e -> {
                header(14, e);
                BotDefinition d = e.definition();
                string(d.strategy());
                putInt(d.params().size());
                d.params().forEach((k, v) -> {
                    string(k);
                    string(v);
                });
                putInt(d.symbols().size());
                d.symbols().forEach(symbol -> identifier(symbol.value()));
                putLong(d.interval().length().toSeconds());
                string(e.actor());
            }
            case BotStateChanged e -> {
                header(15, e);
                ordinal(e.previous());
                ordinal(e.current());
                string(e.reason());
                string(e.actor());
            }
            case RiskSessionChanged e -> {
                header(16, e);
                putLong(e.tradeDate().toEpochDay());
                putLong(e.baselineEquity());
                putByte(e.dailyLossBreached() ? 1 : 0);
                putByte(e.misSquaredOff() ? 1 : 0);
            }
            case ClosingPriceRecorded e -> {
                header(17, e);
                identifier(e.symbol().value());
                putLong(e.tradeDate().toEpochDay());
                putLong(e.close());
            }
            case AuditRecorded e -> {
                header(18, e);
                AuditEntry a = e.entry();
                string(a.actor());
                string(a.roles());
                string(a.action());
                string(a.target());
                string(a.outcome());
                string(a.ip());
                string(a.correlationId());
                string(a.detail());
            }
        }
    }

    /** The SHA-256 of the events added so far, as 64 lower-case hex digits; more may be added after. */
    String hex() {
        flush();
        try {
            return HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests are cloneable", e);
        }
    }

    private void header(int type, Event e) {
        putByte(type);
        putLong(e.sequence());
        instant(e.time());
        identifier(e.account() == null ? null : e.account().value());
        identifier(e.bot() == null ? null : e.bot().value());
        putLong(e.causationId());
    }

    private void order(Order order) {
        OrderRequest r = order.request();
        putLong(order.id().value());
        identifier(r.account().value());
        identifier(r.bot().value());
        identifier(r.symbol().value());
        ordinal(r.side());
        ordinal(r.type());
        ordinal(r.product());
        ordinal(r.validity());
        putLong(r.quantity());
        putLong(r.limitPrice());
        putLong(r.triggerPrice());
        putLong(r.stopLossPrice());
        string(r.tag());
        putByte(r.afterMarket() ? 1 : 0);
        ordinal(order.status());
        string(order.venueOrderId());
        putLong(order.filledQuantity());
        putLong(order.filledValue());
        instant(order.createdAt());
        instant(order.updatedAt());
    }

    private void putByte(int value) {
        ensure(1);
        buffer[position++] = (byte) value;
    }

    private void putInt(int value) {
        putLong(value);
    }

    /**
     * A number in as few bytes as it needs: zigzag (so small negatives stay short), then seven bits a
     * byte, low bits first, the top bit set on every byte but the last. Sequence numbers, ids,
     * quantities and prices mostly take two to five bytes instead of eight, and every byte saved is
     * one the SHA-256 need not hash. No encoding is a prefix of another, so the stream still
     * decodes one way only.
     */
    private void putLong(long value) {
        ensure(MAX_VARINT);
        position = writeVarLong(buffer, position, value);
    }

    /** Writes {@code value} as {@link #putLong} encodes it at {@code at}; returns the index after it. */
    static int writeVarLong(byte[] into, int at, long value) {
        int i = at;
        long rest = (value << 1) ^ (value >> 63);
        while ((rest & ~0x7FL) != 0) {
            into[i++] = (byte) (rest | 0x80);
            rest >>>= 7;
        }
        into[i++] = (byte) rest;
        return i;
    }

    private void ordinal(Enum<?> value) {
        putByte(value == null ? -1 : value.ordinal());
    }

    private void instant(Instant time) {
        if (time == null) {
            putByte(0);
        } else {
            putByte(1);
            putLong(time.getEpochSecond());
            putInt(time.getNano());
        }
    }

    /** A string that recurs as the same instance, encoded as {@link #string} encodes it. */
    private void identifier(String s) {
        if (s == null || s.length() > 64) {
            string(s);
            return;
        }
        int slot = s.hashCode() & (CACHED - 1);
        byte[] bytes = cachedBytes[slot];
        if (cachedStrings[slot] != s) {
            bytes = s.getBytes(StandardCharsets.UTF_8);
            cachedStrings[slot] = s;
            cachedBytes[slot] = bytes;
        }
        ensure(MAX_VARINT + bytes.length);
        putInt(bytes.length);
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    private void string(String s) {
        if (s == null) {
            putInt(NULL_LENGTH);
            return;
        }
        int length = s.length();
        if (length <= CAPACITY / 2 - MAX_VARINT && isAscii(s, length)) {
            // ASCII is its own UTF-8, one byte a char: write it without encoding to a new array.
            ensure(MAX_VARINT + length);
            putInt(length);
            for (int i = 0; i < length; i++) {
                buffer[position++] = (byte) s.charAt(i);
            }
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        putInt(bytes.length);
        flush();
        digest.update(bytes);
    }

    private static boolean isAscii(String s, int length) {
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private void ensure(int bytes) {
        if (CAPACITY - position < bytes) {
            flush();
        }
    }

    private void flush() {
        if (position > 0) {
            digest.update(buffer, 0, position);
            position = 0;
        }
    }
}
