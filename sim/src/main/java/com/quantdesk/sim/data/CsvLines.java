package com.quantdesk.sim.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a stream as byte ranges in a large reusable buffer, split where
 * {@link java.io.BufferedReader#readLine()} splits them: at {@code \n}, {@code \r} or {@code \r\n}.
 * A line stays valid until the next call to {@link #next()}. Not thread-safe.
 */
final class CsvLines {

    private static final int BUFFER_BYTES = 1 << 20;

    private final InputStream in;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder();
    private byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    private boolean endOfStream;
    private int start;
    private int end;

    CsvLines(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        int i = position;
        while (true) {
            byte[] b = buffer;
            int n = limit;
            while (i < n && b[i] != '\n' && b[i] != '\r') {
                i++;
            }
            // A '\r' as the last byte read may be the first half of "\r\n": read on before deciding.
            boolean needMore = i == n || (b[i] == '\r' && i + 1 == n);
            if (!needMore || endOfStream) {
                if (i == n && position == n) {
                    return false;
                }
                start = position;
                end = i;
                position = i == n ? n : (b[i] == '\r' && i + 1 < n && b[i + 1] == '\n') ? i + 2 : i + 1;
                return true;
            }
            i -= compact();
            fill();
        }
    }

    /**
     * Makes at least {@code bytes} unread bytes available from {@link #position()} unless the stream
     * ends first, so a caller can parse a line in place without running off the buffer.
     */
    void ensureAvailable(int bytes) throws IOException {
        while (limit - position < bytes && !endOfStream) {
            compact();
            fill();
        }
    }

    /** Where the next line starts in {@link #buffer()}. */
    int position() {
        return position;
    }

    /** How far {@link #buffer()} holds bytes read. */
    int limit() {
        return limit;
    }

    /**
     * Makes the line from {@link #position()} to {@code terminator}, a {@code \n} or {@code \r} with at
     * least one byte read after it, the current line, and moves past it.
     */
    void takeLine(int terminator) {
        start = position;
        end = terminator;
        position = buffer[terminator] == '\r' && buffer[terminator + 1] == '\n' ? terminator + 2 : terminator + 1;
    }

    /** The buffer holding the current line. */
    byte[] buffer() {
        return buffer;
    }

    /** Where the current line starts in {@link #buffer()}. */
    int start() {
        return start;
    }

    /** Where the current line ends (exclusive, before its terminator) in {@link #buffer()}. */
    int end() {
        return end;
    }

    /**
     * {@code buffer()[from, to)} as text.
     *
     * @throws CharacterCodingException if the bytes are not UTF-8
     */
    String text(int from, int to) throws CharacterCodingException {
        return utf8.decode(ByteBuffer.wrap(buffer, from, to - from)).toString();
    }

    /** Moves the unread bytes to the front (growing the buffer for a line longer than it); returns the shift. */
    private int compact() {
        int shift = position;
        int remaining = limit - position;
        if (remaining >= buffer.length / 2) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        } else if (shift > 0) {
            System.arraycopy(buffer, position, buffer, 0, remaining);
        }
        position = 0;
        limit = remaining;
        return shift;
    }

    private void fill() throws IOException {
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            endOfStream = true;
        } else {
            limit += read;
        }
    }
}
