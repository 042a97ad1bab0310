package com.quantdesk.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Where the PostgreSQL database is, as JDBC wants it. {@link #toString()} hides the password.
 *
 * @param jdbcUrl  {@code jdbc:postgresql://host:port/db[?params]}
 * @param user     user name, empty to leave it to the JDBC URL or the driver's defaults
 * @param password password, empty when none
 */
public record PostgresUrl(String jdbcUrl, String user, String password) {

    /** Validates the parts. */
    public PostgresUrl {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + mask(jdbcUrl));
        }
    }

    /**
     * Parses {@code postgresql://user:pass@host:port/db[?params]} (also {@code postgres://}, the
     * form Heroku and most hosting services print; user and password may be percent-encoded) or a
     * {@code jdbc:postgresql:} URL, which is taken as it is.
     *
     * @throws IllegalArgumentException naming what is wrong, without the password
     */
    public static PostgresUrl parse(String url) {
        Objects.requireNonNull(url, "url");
        String text = url.trim();
        if (text.startsWith("jdbc:postgresql:")) {
            return new PostgresUrl(text, "", "");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("postgresql://") && !lower.startsWith("postgres://")) {
            throw new IllegalArgumentException("unsupported database URL '" + mask(text)
                    + "': use postgresql://user:password@host:5432/database or jdbc:postgresql://...");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("malformed database URL '" + mask(text) + "': " + e.getReason(), e);
        }
        String host = uri.getHost();
        String path = uri.getRawPath();
        if (host == null || path == null || path.length() < 2) {
            throw new IllegalArgumentException("database URL '" + mask(text)
                    + "' needs a host and a database name: postgresql://user:password@host:5432/database");
        }
        String user = "";
        String password = "";
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new PostgresUrl("jdbc:postgresql://" + host + ":" + port + path + query, user, password);
    }

    private static String decode(String part) {
        // URLDecoder is for forms, where '+' means space; in a URL's user info it is a plain '+'.
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** {@code text} with any password replaced by {@code ***}. */
    static String mask(String text) {
        return text.replaceAll("(://[^:/@]*:)[^@/]*@", "$1***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return "PostgresUrl[" + mask(jdbcUrl) + (user.isEmpty() ? "" : ", user=" + user)
                + (password.isEmpty() ? "" : ", password=***") + "]";
    }
}
