package com.quantdesk.server.auth;

import java.util.Locale;

/**
 * Recognises passwords made by holding one key down ({@code aaaaaaaaaaaa}) or walking straight along
 * the digits or the alphabet in either direction, wrapping round ({@code 123456789012},
 * {@code 987654321098}, {@code abcdefghijkl}): long enough to pass a length rule, and among the first
 * things a guesser tries.
 */
final class Runs {

    private static final int DIGITS = 10;
    private static final int LETTERS = 26;

    private Runs() {
    }

    /** Whether {@code password} (3 or more characters) is one repeated character or a straight run. */
    static boolean isRepeatOrRun(String password) {
        int[] chars = password.toLowerCase(Locale.ROOT).codePoints().toArray();
        if (chars.length < 3) {
            return false;
        }
        return isRepeat(chars) || isRun(chars, '0', DIGITS) || isRun(chars, 'a', LETTERS);
    }

    private static boolean isRepeat(int[] chars) {
        for (int c : chars) {
            if (c != chars[0]) {
                return false;
            }
        }
        return true;
    }

    /** Whether every character is in {@code first}..{@code first + size - 1} and each steps by +1 or -1. */
    private static boolean isRun(int[] chars, int first, int size) {
        for (int c : chars) {
            if (c < first || c >= first + size) {
                return false;
            }
        }
        int step = Math.floorMod(chars[1] - chars[0], size);
        if (step != 1 && step != size - 1) {
            return false;
        }
        for (int i = 2; i < chars.length; i++) {
            if (Math.floorMod(chars[i] - chars[i - 1], size) != step) {
                return false;
            }
        }
        return true;
    }
}
