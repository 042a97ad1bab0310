package com.quantdesk.server.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a new password must be: long rather than complicated, as current guidance has it. At least
 * {@value #MIN_LENGTH} characters, at most {@value #MAX_LENGTH}, not containing the username, not a
 * common password however disguised, and not one key held down or a straight run along the digits or
 * the alphabet. No rules about upper case, digits or symbols: they push people towards
 * {@code Password1!}, which every guessing tool tries early.
 *
 * <p>Thread-safe and immutable.
 */
public final class PasswordPolicy {

    /** Fewest characters (Unicode code points) a password may have. */
    public static final int MIN_LENGTH = 12;
    /** Most characters a password may have; bounds the work of hashing it. */
    public static final int MAX_LENGTH = 128;

    static final String TOO_SHORT = "must be at least " + MIN_LENGTH + " characters";
    static final String TOO_LONG = "must be at most " + MAX_LENGTH + " characters";
    static final String CONTAINS_USERNAME = "must not contain the username";
    static final String COMMON = "must not be a common password";
    static final String RUN = "must not be one repeated character or a straight run like 123456 or abcdef";

    /** A username shorter than this is too likely to occur by chance to forbid it inside a password. */
    private static final int MIN_USERNAME_TO_CHECK = 3;
    private static final String LIST = "/com/quantdesk/server/auth/common-passwords.txt";

    private final CommonPasswords common;

    /** The policy with the common-password list shipped with the server. */
    public PasswordPolicy() {
        this(CommonPasswords.fromResource(LIST));
    }

    PasswordPolicy(CommonPasswords common) {
        this.common = common;
    }

    /**
     * Why {@code password} is not acceptable for {@code username}: one message for each rule it
     * breaks, each worded to follow "the password", e.g. {@code "must be at least 12 characters"}.
     *
     * @return an empty list when the password is acceptable
     */
    public List<String> violations(String username, String password) {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        List<String> violations = new ArrayList<>();
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            violations.add(TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            violations.add(TOO_LONG);
        }
        if (containsUsername(username, password)) {
            violations.add(CONTAINS_USERNAME);
        }
        if (common.contains(password)) {
            violations.add(COMMON);
        }
        if (Runs.isRepeatOrRun(password)) {
            violations.add(RUN);
        }
        return List.copyOf(violations);
    }

    private static boolean containsUsername(String username, String password) {
        String name = username.strip();
        if (name.codePointCount(0, name.length()) < MIN_USERNAME_TO_CHECK) {
            return false;
        }
        return password.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))
                || CommonPasswords.normalise(password).contains(CommonPasswords.normalise(name));
    }
}
