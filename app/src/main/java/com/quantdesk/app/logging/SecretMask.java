package com.quantdesk.app.logging;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds credentials in log text and replaces them with {@value #MASK}: values of keys named like a
 * secret ({@code password=…}, {@code "api_key":"…"}, {@code Authorization: …}), bearer and basic
 * credentials, Kite's {@code token api_key:access_token} header value and JSON web tokens. Both log
 * formats run every line through it, so a secret that slips into a message, an argument or an
 * exception's text does not reach a log file.
 */
public final class SecretMask {

    /** What a secret is replaced with. */
    public static final String MASK = "****";

    /** A key or field name that holds a secret. */
    private static final String SECRET_NAME = "(?:password|passwd|secret|token|api[_-]?key|authorization|credential)";
    private static final Pattern SECRET_FIELD = Pattern.compile("(?i).*" + SECRET_NAME + ".*");

    private record Rule(Pattern pattern, String replacement) {
    }

    // Order matters: the credential forms first, then any key that names a secret, so that
    // "Authorization: Bearer x" loses both the scheme's credential and the header's value.
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{4,}"), "$1 " + MASK),
            new Rule(Pattern.compile("(?i)\\btoken\\s+[A-Za-z0-9]{2,}:[A-Za-z0-9]{2,}"), "token " + MASK),
            new Rule(Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}(?:\\.[A-Za-z0-9_-]*)?"), MASK),
            new Rule(Pattern.compile("(?i)([\\w.-]*" + SECRET_NAME + "[\\w.-]*[\"']?\\s*[=:]\\s*[\"']?)"
                    + "(?!\\*{4}|(?:bearer|basic|token)\\s+\\*{4})[^\\s\"',;&}\\])]+"), "$1" + MASK));

    private SecretMask() {
    }

    /** The text with every credential it recognises masked; the same instance when there was none. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(masked);
            if (m.find()) {
                masked = m.replaceAll(rule.replacement());
            }
        }
        return masked;
    }

    /** Whether a field or key of this name holds a secret ({@code password}, {@code access_token}, …). */
    public static boolean isSecretName(String name) {
        return name != null && SECRET_FIELD.matcher(name).matches();
    }
}
