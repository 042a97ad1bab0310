package com.quantdesk.server.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A list of passwords people choose often, and the check whether a password is one of them in
 * disguise: capitals, look-alike digits and symbols ({@code P@ssw0rd}), digits and symbols added at the
 * end ({@code password2024!}), or the same word typed twice ({@code dragondragon}).
 */
final class CommonPasswords {

    /** Below this, what is left after stripping the end is too short to call the password common. */
    private static final int MIN_STEM = 6;

    private final Set<String> entries;

    private CommonPasswords(Set<String> entries) {
        this.entries = entries;
    }

    /** The list in {@code entries}, each normalised; blank entries are ignored. */
    static CommonPasswords of(Collection<String> entries) {
        Set<String> normalised = new HashSet<>();
        for (String entry : entries) {
            if (!entry.isBlank()) {
                normalised.add(normalise(entry.strip()));
            }
        }
        return new CommonPasswords(Set.copyOf(normalised));
    }

    /**
     * The list in the classpath resource {@code name}: one entry a line, lines starting with '#' ignored.
     *
     * @throws IllegalStateException if the resource is missing
     */
    static CommonPasswords fromResource(String name) {
        InputStream stream = CommonPasswords.class.getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException("the common-password list " + name + " is missing from the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            List<String> lines = reader.lines().filter(line -> !line.startsWith("#")).toList();
            return of(lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the common-password list " + name, e);
        }
    }

    /** How many distinct entries the list has. */
    int size() {
        return entries.size();
    }

    /** Whether {@code password}, undisguised, is on the list or is an entry repeated. */
    boolean contains(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        String whole = normalise(lower);
        if (listedOrRepeated(whole)) {
            return true;
        }
        // Stripped before normalising: "Qwerty1234567!" must lose its digits, not turn them into letters.
        return stemIsCommon(normalise(stripTrailing(lower)))
                || stemIsCommon(normalise(stripLeading(stripTrailing(lower))))
                || stemIsCommon(stripTrailing(whole));
    }

    private boolean stemIsCommon(String stem) {
        return stem.length() >= MIN_STEM && listedOrRepeated(stem);
    }

    private boolean listedOrRepeated(String candidate) {
        if (entries.contains(candidate)) {
            return true;
        }
        int length = candidate.length();
        for (int period = 1; period <= length / 2; period++) {
            if (length % period == 0) {
                String unit = candidate.substring(0, period);
                if (entries.contains(unit) && unit.repeat(length / period).equals(candidate)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Lower case, with the usual look-alike characters replaced by the letters they stand for. */
    static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.toLowerCase(Locale.ROOT).codePoints().map(CommonPasswords::undisguise).forEach(out::appendCodePoint);
        return out.toString();
    }

    private static int undisguise(int c) {
        return switch (c) {
            case '0' -> 'o';
            case '1', '!' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> c;
        };
    }

    private static String stripTrailing(String text) {
        int end = text.length();
        while (end > 0 && !Character.isLetter(text.codePointBefore(end))) {
            end -= Character.charCount(text.codePointBefore(end));
        }
        return text.substring(0, end);
    }

    private static String stripLeading(String text) {
        int start = 0;
        while (start < text.length() && !Character.isLetter(text.codePointAt(start))) {
            start += Character.charCount(text.codePointAt(start));
        }
        return text.substring(start);
    }
}
