package com.quantdesk.kite.rest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One REST call: method, path, parameters in order (query string for GET/DELETE, form body for
 * POST/PUT; repeated keys allowed, as in {@code i=NSE:INFY&i=NSE:SBIN}) and its endpoint class.
 *
 * @param method        {@code GET}, {@code POST}, {@code PUT} or {@code DELETE}
 * @param path          path below the REST root, starting with {@code /}
 * @param params        parameters in the order they are sent
 * @param endpointClass the rate-limit and circuit-breaker class
 */
public record KiteRequest(String method, String path, List<Map.Entry<String, String>> params,
                          EndpointClass endpointClass) {

    /** Validates the request. */
    public KiteRequest {
        if (!List.of("GET", "POST", "PUT", "DELETE").contains(method)) {
            throw new IllegalArgumentException("unsupported method " + method);
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        params = List.copyOf(params);
        Objects.requireNonNull(endpointClass, "endpointClass");
    }

    /** A GET without parameters. */
    public static KiteRequest get(String path, EndpointClass endpointClass) {
        return new KiteRequest("GET", path, List.of(), endpointClass);
    }

    /** Whether parameters travel in a form body. */
    public boolean hasBody() {
        return method.equals("POST") || method.equals("PUT");
    }

    /** Whether this is a read, and so safe to retry. */
    public boolean isRead() {
        return method.equals("GET");
    }

    /** The parameters URL-encoded as {@code a=1&b=2}. */
    public String encodedParams() {
        return params.stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
