package com.quantdesk.sim.data;

import com.quantdesk.core.domain.Symbol;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * The binary form of a parsed CSV file: a header naming what it was made from (format version, the
 * CSV's size and modification time, the reader options that change the result) and the bars as
 * columns of little-endian longs (epoch seconds, open, high, low, close in paise, volume; nanoseconds
 * only when some bar has them), then a CRC-32C of everything before it. Stateless.
 */
final class BarCacheFile {

    /** Bumped whenever the layout or the meaning of a field changes; older files are then stale. */
    static final int VERSION = 1;

    private static final long MAGIC = 0x5352_4142_4451_0A0DL;

    private BarCacheFile() {
    }

    /**
     * What a cache file must have been made from to stand for a CSV file as read now.
     *
     * @param csvSize        the CSV's size in bytes
     * @param csvModified    the CSV's modification time, nanoseconds since the epoch
     * @param symbol         the symbol the bars carry
     * @param skipBadRows    whether bad rows were skipped
     * @param ohlcFix        what was done with open or close outside high-low
     */
    record Key(long csvSize, long csvModified, Symbol symbol, boolean skipBadRows, OhlcFix ohlcFix) {
    }

    /** A cache file that is unreadable, stale or corrupt, and why. */
    static final class Unusable extends Exception {

        private static final long serialVersionUID = 1L;

        Unusable(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Writes {@code file}'s bars with {@code key} to {@code cache}, through a temporary file renamed
     * into place so that a reader sees the old file, the new one or none, never half of one.
     */
    static void write(Path cache, Key key, BarFile file) throws IOException {
        BarColumns columns = BarColumns.of(file.bars());
        boolean nanos = columns.hasNanos();
        byte[] symbol = key.symbol().value().getBytes(StandardCharsets.UTF_8);
        List<byte[]> skipped = new ArrayList<>();
        int skippedBytes = 0;
        String prefix = file.file().toString();
        for (String message : file.skipped()) {
            // Stored without the path, which may be spelt differently on the next run.
            byte[] text = (message.startsWith(prefix) ? message.substring(prefix.length()) : message)
                    .getBytes(StandardCharsets.UTF_8);
            skipped.add(text);
            skippedBytes += 4 + text.length;
        }
        int n = columns.size;
        long length = 8 + 4 + 8 + 8 + 1 + 1 + 4 + symbol.length + 4 + 4 + 4 + skippedBytes + 4 + 1
                + 48L * n + (nanos ? 4L * n : 0) + 8;
        if (length > Integer.MAX_VALUE) {
            throw new IOException("too many bars for one cache file: " + n);
        }
        ByteBuffer out = ByteBuffer.allocate((int) length).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(MAGIC).putInt(VERSION).putLong(key.csvSize()).putLong(key.csvModified())
                .put((byte) (key.skipBadRows() ? 1 : 0)).put((byte) key.ohlcFix().ordinal())
                .putInt(symbol.length).put(symbol)
                .putInt(file.roundedValues()).putInt(file.widenedRows()).putInt(skipped.size());
        for (byte[] text : skipped) {
            out.putInt(text.length).put(text);
        }
        out.putInt(n).put((byte) (nanos ? 1 : 0));
        for (long[] column : List.of(columns.epochSeconds, columns.open, columns.high, columns.low, columns.close,
                columns.volume)) {
            out.asLongBuffer().put(column, 0, n);
            out.position(out.position() + 8 * n);
        }
        if (nanos) {
            out.asIntBuffer().put(columns.nanos, 0, n);
            out.position(out.position() + 4 * n);
        }
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.position());
        out.putLong(crc.getValue());
        writeAtomically(cache, out.array());
    }

    /**
     * The bars in {@code cache} if it was made for {@code key}, as read from {@code csv}.
     *
     * @throws Unusable if the file is missing, stale, truncated or corrupt
     */
    static BarFile read(Path cache, Key key, Path csv) throws Unusable {
        MappedByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(cache, StandardOpenOption.READ)) {
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        } catch (IOException | UnsupportedOperationException e) {
            throw new Unusable("cannot read: " + e.getMessage());
        }
        ByteBuffer in = mapped.order(ByteOrder.LITTLE_ENDIAN);
        try {
            return decode(in, key, csv);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new Unusable("corrupt (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static BarFile decode(ByteBuffer in, Key key, Path csv) throws Unusable {
        if (in.remaining() < 16 || in.getLong() != MAGIC) {
            throw new Unusable("not a bar cache file");
        }
        int version = in.getInt();
        if (version != VERSION) {
            throw new Unusable("format version " + version + ", not " + VERSION);
        }
        checkChecksum(in);
        Key stored = new Key(in.getLong(), in.getLong(), null, in.get() == 1, ohlcFix(in.get()));
        Symbol symbol = Symbol.of(new String(bytes(in, in.getInt()), StandardCharsets.UTF_8));
        if (stored.csvSize() != key.csvSize() || stored.csvModified() != key.csvModified()) {
            throw new Unusable("made from another version of the CSV file");
        }
        if (stored.skipBadRows() != key.skipBadRows() || stored.ohlcFix() != key.ohlcFix()
                || !symbol.equals(key.symbol())) {
            throw new Unusable("made with other reading options");
        }
        int rounded = in.getInt();
        int widened = in.getInt();
        int skippedCount = in.getInt();
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < skippedCount; i++) {
            skipped.add(csv + new String(bytes(in, in.getInt()), StandardCharsets.UTF_8));
        }
        int n = in.getInt();
        boolean nanos = in.get() == 1;
        if (n < 0 || in.remaining() != 48L * n + (nanos ? 4L * n : 0) + 8) {
            throw new Unusable("truncated or overlong");
        }
        BarColumns columns = new BarColumns(n);
        for (long[] column : List.of(columns.epochSeconds, columns.open, columns.high, columns.low, columns.close,
                columns.volume)) {
            in.asLongBuffer().get(column, 0, n);
            in.position(in.position() + 8 * n);
        }
        if (nanos) {
            in.asIntBuffer().get(columns.nanos, 0, n);
        }
        columns.size = n;
        return new BarFile(symbol, csv, columns.toBars(symbol), rounded, skipped, widened);
    }

    /** Checks the trailing CRC over the whole file, leaving the position after the version. */
    private static void checkChecksum(ByteBuffer in) throws Unusable {
        int body = in.limit() - 8;
        if (body < in.position()) {
            throw new Unusable("truncated");
        }
        CRC32C crc = new CRC32C();
        crc.update(in.duplicate().position(0).limit(body));
        if (crc.getValue() != in.getLong(body)) {
            throw new Unusable("checksum mismatch");
        }
    }

    private static OhlcFix ohlcFix(byte ordinal) {
        OhlcFix[] values = OhlcFix.values();
        if (ordinal < 0 || ordinal >= values.length) {
            throw new IllegalArgumentException("unknown ohlc-fix " + ordinal);
        }
        return values[ordinal];
    }

    private static byte[] bytes(ByteBuffer in, int length) {
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("bad length " + length);
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), target.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
