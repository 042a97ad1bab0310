package com.quantdesk.server.auth;

import java.io.ByteArrayOutputStream;

/**
 * Base32 in the RFC 4648 alphabet ({@code A-Z2-7}), the form authenticator apps expect TOTP secrets in.
 * Encoding writes no padding; decoding accepts lower case and trailing '=' padding, and nothing else.
 */
final class Base32 {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final int BITS_PER_CHAR = 5;

    private Base32() {
    }

    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + BITS_PER_CHAR - 1) / BITS_PER_CHAR);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= BITS_PER_CHAR) {
                out.append(ALPHABET.charAt((buffer >>> (bits - BITS_PER_CHAR)) & 0x1f));
                bits -= BITS_PER_CHAR;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (BITS_PER_CHAR - bits)) & 0x1f));
        }
        return out.toString();
    }

    /**
     * The bytes {@code text} encodes.
     *
     * @throws IllegalArgumentException if it holds a character outside the alphabet, or has a length no
     *                                  encoding produces
     */
    static byte[] decode(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '=') {
            end--;
        }
        // 8 characters carry 5 bytes; a final group of 1, 3 or 6 characters cannot end on a byte.
        int remainder = end % 8;
        if (remainder == 1 || remainder == 3 || remainder == 6) {
            throw new IllegalArgumentException("not base32: " + end + " characters cannot encode whole bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(end * BITS_PER_CHAR / 8);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            // Only ASCII is folded: Character.toUpperCase would turn a Turkish dotless i into 'I'.
            int value = ALPHABET.indexOf(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
            if (value < 0) {
                throw new IllegalArgumentException("not base32: invalid character at position " + i);
            }
            buffer = (buffer << BITS_PER_CHAR) | value;
            bits += BITS_PER_CHAR;
            if (bits >= 8) {
                out.write((buffer >>> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
