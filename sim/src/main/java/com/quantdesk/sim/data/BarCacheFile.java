package com.quantdesk.sim.data;

import com.quantdesk.core.domain.Symbol;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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

    /** Bytes read from the file at a time. */
    private static final int CHUNK = 1 << 20;

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
        return read(cache, key, csv, CHUNK);
    }

    /** {@link #read(Path, Key, Path)} through a buffer of {@code chunk} bytes (at least 8). */
    static BarFile read(Path cache, Key key, Path csv, int chunk) throws Unusable {
        try (FileChannel channel = FileChannel.open(cache, StandardOpenOption.READ)) {
            return decode(new Input(channel, chunk), key, csv);
        } catch (IOException e) {
            throw new Unusable("cannot read: " + e.getMessage());
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new Unusable("corrupt (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static BarFile decode(Input in, Key key, Path csv) throws IOException, Unusable {
        if (in.remaining() < 16 || in.getLong() != MAGIC) {
            throw new Unusable("not a bar cache file");
        }
        int version = in.getInt();
        if (version != VERSION) {
            throw new Unusable("format version " + version + ", not " + VERSION);
        }
        Key stored = new Key(in.getLong(), in.getLong(), null, in.get() == 1, ohlcFix(in.get()));
        Symbol symbol = Symbol.of(new String(in.bytes(in.getInt()), StandardCharsets.UTF_8));
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
            skipped.add(csv + new String(in.bytes(in.getInt()), StandardCharsets.UTF_8));
        }
        int n = in.getInt();
        boolean nanos = in.get() == 1;
        if (n < 0 || in.remaining() != 48L * n + (nanos ? 4L * n : 0)) {
            throw new Unusable("truncated or overlong");
        }
        BarColumns columns = new BarColumns(n);
        for (long[] column : List.of(columns.epochSeconds, columns.open, columns.high, columns.low, columns.close,
                columns.volume)) {
            in.longs(column, n);
        }
        if (nanos) {
            in.ints(columns.nanos, n);
        }
        columns.size = n;
        // Only bars whose bytes are the ones written are checked and used.
        in.checkChecksum();
        return new BarFile(symbol, csv, columns.toBars(symbol), rounded, skipped, widened);
    }

    private static OhlcFix ohlcFix(byte ordinal) {
        OhlcFix[] values = OhlcFix.values();
        if (ordinal < 0 || ordinal >= values.length) {
            throw new IllegalArgumentException("unknown ohlc-fix " + ordinal);
        }
        return values[ordinal];
    }

    /**
     * A cache file read front to back through one reused buffer, keeping the CRC-32C of everything
     * read so far. Read rather than mapped: mapping costs the JDK a reflective construction of the
     * buffer and then a page fault every few pages, more than copying the file through a buffer. The
     * body is everything before the trailing CRC; nothing here reads past it.
     */
    private static final class Input {

        private final FileChannel channel;
        private final long bodySize;
        private final ByteBuffer buffer;
        private final CRC32C crc = new CRC32C();
        private long fetched;

        Input(FileChannel channel, int chunk) throws IOException, Unusable {
            long size = channel.size();
            if (size < 8) {
                throw new Unusable("not a bar cache file");
            }
            this.channel = channel;
            this.bodySize = size - 8;
            this.buffer = ByteBuffer.allocate(Math.max(8, chunk)).order(ByteOrder.LITTLE_ENDIAN).limit(0);
        }

        /** Body bytes not yet taken. */
        long remaining() {
            return bodySize - fetched + buffer.remaining();
        }

        long getLong() throws IOException {
            need(8);
            return buffer.getLong();
        }

        int getInt() throws IOException {
            need(4);
            return buffer.getInt();
        }

        byte get() throws IOException {
            need(1);
            return buffer.get();
        }

        byte[] bytes(int length) throws IOException {
            if (length < 0 || length > remaining()) {
                throw new IllegalArgumentException("bad length " + length);
            }
            byte[] bytes = new byte[length];
            for (int done = 0; done < length; ) {
                if (!buffer.hasRemaining()) {
                    fill();
                }
                int k = Math.min(buffer.remaining(), length - done);
                buffer.get(bytes, done, k);
                done += k;
            }
            return bytes;
        }

        void longs(long[] into, int n) throws IOException {
            for (int done = 0; done < n; ) {
                need(8);
                int k = Math.min(buffer.remaining() / 8, n - done);
                buffer.asLongBuffer().get(into, done, k);
                buffer.position(buffer.position() + 8 * k);
                done += k;
            }
        }

        void ints(int[] into, int n) throws IOException {
            for (int done = 0; done < n; ) {
                need(4);
                int k = Math.min(buffer.remaining() / 4, n - done);
                buffer.asIntBuffer().get(into, done, k);
                buffer.position(buffer.position() + 4 * k);
                done += k;
            }
        }

        /** Compares the CRC of the body, which must have been read to its end, with the file's. */
        void checkChecksum() throws IOException, Unusable {
            if (remaining() != 0) {
                throw new Unusable("truncated or overlong");
            }
            ByteBuffer stored = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            while (stored.hasRemaining()) {
                if (channel.read(stored, bodySize + stored.position()) < 0) {
                    throw new Unusable("truncated");
                }
            }
            if (crc.getValue() != stored.getLong(0)) {
                throw new Unusable("checksum mismatch");
            }
        }

        private void need(int bytes) throws IOException {
            if (buffer.remaining() < bytes) {
                if (remaining() < bytes) {
                    throw new BufferUnderflowException();
                }
                fill();
            }
        }

        /** Keeps what is left in the buffer and reads as much of the body as fits after it. */
        private void fill() throws IOException {
            buffer.compact();
            int start = buffer.position();
            long left = bodySize - fetched;
            if (left < buffer.remaining()) {
                buffer.limit(start + (int) left);
            }
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    throw new BufferUnderflowException(); // the file shrank while it was read
                }
            }
            int end = buffer.position();
            crc.update(buffer.array(), start, end - start);
            fetched += end - start;
            buffer.flip();
        }
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
