package com.quantdesk.server.auth;

import com.quantdesk.core.domain.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * The caller of a request, once authenticated.
 *
 * @param username      who
 * @param roles         their roles
 * @param accounts      the accounts granted to them
 * @param method        how they proved it
 * @param keyScope      for an API key, what it may do; {@link KeyScope#TRADE} otherwise
 * @param tokenId       the access token's id (or the API key's id)
 * @param expiresAt     when the credential stops working ({@link Instant#MAX} for an API key)
 * @param session       the refresh-token family of the login the token came from, or empty
 * @param enrolmentOnly whether the caller must enrol a second factor before anything else
 */
public record Principal(String username, Set<Role> roles, Set<AccountId> accounts, Method method, KeyScope keyScope,
                        String tokenId, Instant expiresAt, String session, boolean enrolmentOnly) {

    /** How the caller authenticated. */
    public enum Method {
        /** {@code Authorization: Bearer} access token. */
        BEARER,
        /** The access token in an HttpOnly cookie (the dashboard); changes need the CSRF token. */
        COOKIE,
        /** An API key. */
        API_KEY
    }

    /** Validates and copies. */
    public Principal {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        accounts = Set.copyOf(accounts);
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(keyScope, "keyScope");
        tokenId = tokenId == null ? "" : tokenId;
        session = session == null ? "" : session;
    }

    /** Whether the caller holds {@code role}. */
    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether the account is granted to the caller. */
    public boolean sees(AccountId account) {
        return accounts.contains(account);
    }

    /** The caller's roles as text, for the audit trail. */
    public String roleText() {
        return Role.format(roles);
    }
}
