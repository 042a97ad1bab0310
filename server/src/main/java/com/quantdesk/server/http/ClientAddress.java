package com.quantdesk.server.http;

import io.javalin.http.Context;
import java.util.List;

/**
 * Who is calling, as far as the network says. The peer's address, unless the peer is a configured
 * trusted proxy: then {@code X-Forwarded-For} is read from the right, skipping trusted proxies, and
 * the first address that is not one is the client. A forwarded header from anyone else is ignored,
 * so a client cannot choose its own address (and so its own rate-limit bucket).
 */
public final class ClientAddress {

    private static final String ATTRIBUTE = "qd.clientAddress";
    private static final String SECURE = "qd.secure";

    private final List<AddressRange> trustedProxies;

    /** @param trustedProxies proxies whose forwarding headers are believed */
    public ClientAddress(List<AddressRange> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** Resolves and remembers the client's address and whether it came over TLS. */
    public void resolve(Context ctx) {
        String peer = ctx.req().getRemoteAddr();
        String client = peer;
        boolean secure = ctx.req().isSecure();
        if (trusted(peer)) {
            String forwarded = ctx.header("X-Forwarded-For");
            if (forwarded != null) {
                String[] hops = forwarded.split(",");
                for (int i = hops.length - 1; i >= 0; i--) {
                    String hop = hops[i].trim();
                    client = hop;
                    if (!trusted(hop)) {
                        break;
                    }
                }
            }
            String proto = ctx.header("X-Forwarded-Proto");
            if (proto != null) {
                secure = proto.trim().equalsIgnoreCase("https");
            }
        }
        ctx.attribute(ATTRIBUTE, client);
        ctx.attribute(SECURE, secure);
    }

    private boolean trusted(String address) {
        for (AddressRange range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The client's address. */
    public static String of(Context ctx) {
        String address = ctx.attribute(ATTRIBUTE);
        return address == null ? ctx.req().getRemoteAddr() : address;
    }

    /**
     * The key of an address's rate-limit buckets: an IPv4 address itself, an IPv6 address's /64 (one
     * subscriber's network), so that a client cannot take fresh buckets by walking its own prefix.
     */
    public static String limitKey(String address) {
        byte[] bytes = address.indexOf(':') < 0 ? null : AddressRange.literal(address);
        if (bytes == null || bytes.length != 16) {
            return "ip:" + address;
        }
        StringBuilder key = new StringBuilder("ip6:");
        for (int i = 0; i < 8; i++) {
            key.append(String.format("%02x", bytes[i] & 0xff));
        }
        return key.append("/64").toString();
    }

    /** Whether the client reached us over TLS (directly, or through a trusted TLS proxy). */
    public static boolean secure(Context ctx) {
        Boolean secure = ctx.attribute(SECURE);
        return secure != null && secure;
    }
}
