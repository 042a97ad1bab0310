package com.quantdesk.server.auth;

import io.javalin.security.RouteRole;

/**
 * Who may call a route, besides the {@link Role}s: a route marked with roles needs one of them; one
 * marked {@link #AUTHENTICATED} needs any signed-in caller; {@link #PUBLIC} needs nobody.
 */
public enum Access implements RouteRole {
    /** No credentials needed (login, health, the API document). */
    PUBLIC,
    /** Any signed-in caller, whatever the roles. */
    AUTHENTICATED,
    /**
     * Also open to a caller who must still enrol a second factor (an ADMIN without TOTP): their
     * token reaches only the routes marked so (who am I, enrol, confirm, change password, log out).
     */
    ENROLMENT
}
