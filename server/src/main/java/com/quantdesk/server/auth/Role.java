package com.quantdesk.server.auth;

import io.javalin.security.RouteRole;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a user may do. A user holds one or more roles; every user sees only the accounts granted to
 * them, whatever their roles.
 */
public enum Role implements RouteRole {
    /** Users, API keys, the system. */
    ADMIN,
    /** Risk limits, trading states, the kill switch, the audit trail. */
    RISK,
    /** Bots and orders on granted accounts. */
    TRADER,
    /** Reads only. */
    VIEWER;

    /**
     * Parses a comma-separated list of role names.
     *
     * @throws IllegalArgumentException naming the unknown role
     */
    public static Set<Role> parse(String text) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String part : text.split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            try {
                roles.add(valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown role '" + name + "'; roles are ADMIN, RISK, TRADER, VIEWER");
            }
        }
        return roles;
    }

    /** The roles as a comma-separated list, in declaration order. */
    public static String format(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
    }
}
