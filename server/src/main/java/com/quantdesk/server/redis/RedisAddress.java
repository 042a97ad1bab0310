package com.quantdesk.server.redis;

import io.lettuce.core.RedisURI;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A Redis server as a {@code redis://} or {@code rediss://} URL names it:
 * {@code redis[s]://[[user]:password@]host[:port][/database]}. The password never leaves this class
 * except into Lettuce's {@link RedisURI}; everything printable shows it as {@code ***}.
 */
final class RedisAddress {

    private static final int DEFAULT_PORT = 6379;
    private static final String MASK = "***";

    private final boolean tls;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final int database;

    private RedisAddress(boolean tls, String host, int port, String user, String password, int database) {
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.database = database;
    }

    /**
     * Reads a URL. A user info without a colon is a password, as Redis URLs have it
     * ({@code redis://secret@host}); user and password may be percent-encoded.
     *
     * @throws IllegalArgumentException naming the URL with its password masked
     */
    static RedisAddress parse(String url) {
        Objects.requireNonNull(url, "url");
        String text = url.trim();
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw malformed(text, e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw malformed(text, "the scheme must be redis:// or rediss://");
        }
        if (uri.getHost() == null) {
            throw malformed(text, "no host (or a host name that is not valid)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw malformed(text, "options after '?' or '#' are not supported");
        }
        String host = unbracket(uri.getHost());
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        if (port < 1 || port > 65_535) {
            throw malformed(text, "port " + port + " is out of range");
        }
        String user = "";
        String password = "";
        if (uri.getUserInfo() != null) {
            String info = uri.getUserInfo();
            int colon = info.indexOf(':');
            user = colon < 0 ? "" : info.substring(0, colon);
            password = colon < 0 ? info : info.substring(colon + 1);
        }
        return new RedisAddress(scheme.equals("rediss"), host, port, user, password, database(text, uri.getPath()));
    }

    private static int database(String text, String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        String number = path.substring(1);
        if (!number.matches("\\d{1,5}")) {
            throw malformed(text, "the path must be a database number, like /0");
        }
        return Integer.parseInt(number);
    }

    private static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static IllegalArgumentException malformed(String text, String reason) {
        return new IllegalArgumentException("malformed Redis URL '" + mask(text) + "': " + reason
                + " (expected redis://[[user]:password@]host[:port][/database], or rediss:// for TLS)");
    }

    /**
     * Masks whatever stands between {@code ://} and the last {@code @} of text that may not parse,
     * keeping a user name before a colon. The last {@code @}, because a password may hold one.
     */
    static String mask(String text) {
        int at = text.lastIndexOf('@');
        if (at < 0) {
            return text;
        }
        int schemeEnd = text.indexOf("://");
        int start = schemeEnd >= 0 && schemeEnd < at ? schemeEnd + 3 : 0;
        String info = text.substring(start, at);
        int colon = info.indexOf(':');
        String masked = colon < 0 ? MASK : info.substring(0, colon + 1) + MASK;
        return text.substring(0, start) + masked + text.substring(at);
    }

    /** Lettuce's form, with {@code commandTimeout} as the time every command may take. */
    /** The host, without brackets for IPv6. */
    String host() {
        return host;
    }

    /** Whether the URL carries a password. */
    boolean hasPassword() {
        return !password.isEmpty();
    }

    RedisURI toRedisUri(Duration commandTimeout) {
        RedisURI.Builder builder = RedisURI.Builder.redis(host, port)
                .withSsl(tls)
                .withDatabase(database)
                .withTimeout(commandTimeout);
        if (!password.isEmpty() && !user.isEmpty()) {
            builder.withAuthentication(user, password.toCharArray());
        } else if (!password.isEmpty()) {
            builder.withPassword(password.toCharArray());
        }
        return builder.build();
    }

    /** The URL with the password shown as {@code ***}. */
    String safeUrl() {
        StringBuilder url = new StringBuilder(tls ? "rediss://" : "redis://");
        if (!password.isEmpty()) {
            url.append(user.isEmpty() ? "" : user + ":").append(MASK).append('@');
        } else if (!user.isEmpty()) {
            url.append(user).append('@');
        }
        url.append(host.contains(":") ? "[" + host + "]" : host);
        return url.append(':').append(port).append('/').append(database).toString();
    }

    /** Text from elsewhere (an exception's message) with any occurrence of the password masked. */
    String scrub(String text) {
        if (text == null || password.isEmpty()) {
            return text;
        }
        return text.replace(password, MASK);
    }

    @Override
    public String toString() {
        return safeUrl();
    }
}
