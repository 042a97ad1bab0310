package com.quantdesk.server.auth;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.server.audit.AuditTrail;
import com.quantdesk.server.audit.Caller;
import com.quantdesk.server.http.ApiError;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Managing users: an administrator creates, disables and enables them, sets their roles and grants
 * them accounts; every user changes their own password and enrols a second factor. Each change is
 * audited. The first start creates {@code admin} with a random password that is shown once and kept
 * only as a bcrypt hash.
 */
public final class Users {

    /** The first administrator's name. */
    public static final String ADMIN = "admin";
    /** Environment variable that sets the first administrator's password instead of a random one. */
    public static final String ADMIN_PASSWORD_ENV = "QD_ADMIN_PASSWORD";
    private static final String ISSUER = "Quantdesk";
    private static final char[] ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    /** A second factor being enrolled: the secret (shown once) and the URI an authenticator app reads. */
    public record Enrolment(String secret, String uri) {
        @Override
        public String toString() {
            return "Enrolment[***]";
        }
    }

    private final UserStore store;
    private final Passwords passwords;
    private final PasswordPolicy policy;
    private final Totp totp;
    private final SecretBox secrets;
    private final RefreshTokens refreshTokens;
    private final ApiKeys keys;
    private final Authenticator authenticator;
    private final AuditTrail audit;
    private final Supplier<Set<AccountId>> accounts;

    /**
     * @param accounts the accounts that exist (grants must name one of them)
     */
    public Users(UserStore store, Passwords passwords, PasswordPolicy policy, Totp totp, SecretBox secrets,
                 RefreshTokens refreshTokens, ApiKeys keys, Authenticator authenticator, AuditTrail audit,
                 Supplier<Set<AccountId>> accounts) {
        this.store = store;
        this.passwords = passwords;
        this.policy = policy;
        this.totp = totp;
        this.secrets = secrets;
        this.refreshTokens = refreshTokens;
        this.keys = keys;
        this.authenticator = authenticator;
        this.audit = audit;
        this.accounts = accounts;
    }

    /**
     * Creates the first administrator when there are no users: with {@code password} if given (it
     * must pass the policy), else a random one, returned so it can be shown once. The administrator
     * holds every role and every account.
     *
     * @return the generated password, or empty when one was given or users exist already
     */
    public Optional<String> bootstrap(Optional<String> password) {
        if (!store.isEmpty()) {
            return Optional.empty();
        }
        String chosen = password.filter(p -> !p.isEmpty()).orElse(null);
        while (chosen == null) {
            String candidate = randomPassword();
            chosen = policy.violations(ADMIN, candidate).isEmpty() ? candidate : null;
        }
        List<String> violations = policy.violations(ADMIN, chosen);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(ADMIN_PASSWORD_ENV + ": the password " + String.join("; ", violations));
        }
        store.create(ADMIN, passwords.hash(chosen), Set.of(Role.values()), accounts.get());
        audit.record(Caller.anonymous("system", "", "").entry(AccountId.SYSTEM, "user.create", ADMIN, "ok",
                "first administrator, every role and account"));
        return password.filter(p -> !p.isEmpty()).isPresent() ? Optional.empty() : Optional.of(chosen);
    }

    /** Creates a user. */
    public UserStore.User create(Caller caller, String username, String password, Set<Role> roles,
                                 Set<AccountId> granted) {
        requireKnown(granted);
        requirePolicy(username, password, "password");
        if (!store.create(username, passwords.hash(password), roles, granted)) {
            throw ApiError.conflict("user " + username + " exists already");
        }
        audit.record(caller.entry(AccountId.SYSTEM, "user.create", username, "ok", "roles " + Role.format(roles)
                + ", accounts " + granted.stream().map(AccountId::value).sorted().toList()));
        return store.find(username).orElseThrow();
    }

    /** Every user. */
    public List<UserStore.User> list() {
        return store.list();
    }

    /** One user. */
    public UserStore.User get(String username) {
        return store.find(username).orElseThrow(() -> ApiError.notFound("no user " + username));
    }

    /** Disables (ending every login and key) or enables a user. */
    public UserStore.User setDisabled(Caller caller, String username, boolean disabled) {
        if (disabled && caller.actor().equals(username)) {
            throw ApiError.conflict("you cannot disable yourself");
        }
        if (!store.setDisabled(username, disabled)) {
            throw ApiError.notFound("no user " + username);
        }
        if (disabled) {
            refreshTokens.revokeUser(username);
            keys.revokeUser(username);
        }
        authenticator.forget(username);
        audit.record(caller.entry(AccountId.SYSTEM, disabled ? "user.disable" : "user.enable", username, "ok", ""));
        return get(username);
    }

    /** Sets a user's roles. */
    public UserStore.User setRoles(Caller caller, String username, Set<Role> roles) {
        if (caller.actor().equals(username) && !roles.contains(Role.ADMIN)) {
            throw ApiError.conflict("you cannot take the ADMIN role from yourself");
        }
        if (!store.setRoles(username, roles)) {
            throw ApiError.notFound("no user " + username);
        }
        authenticator.forget(username);
        audit.record(caller.entry(AccountId.SYSTEM, "user.roles", username, "ok", Role.format(roles)));
        return get(username);
    }

    /** Replaces the accounts granted to a user. */
    public UserStore.User setAccounts(Caller caller, String username, Set<AccountId> granted) {
        requireKnown(granted);
        if (!store.setAccounts(username, granted)) {
            throw ApiError.notFound("no user " + username);
        }
        authenticator.forget(username);
        audit.record(caller.entry(AccountId.SYSTEM, "user.accounts", username, "ok",
                granted.stream().map(AccountId::value).sorted().toList().toString()));
        return get(username);
    }

    /** Removes a user's second factor, so they enrol again. */
    public UserStore.User resetTotp(Caller caller, String username) {
        if (!store.clearTotp(username)) {
            throw ApiError.notFound("no user " + username);
        }
        refreshTokens.revokeUser(username);
        authenticator.forget(username);
        audit.record(caller.entry(AccountId.SYSTEM, "user.totp-reset", username, "ok", ""));
        return get(username);
    }

    /** Changes the caller's password; every other login of theirs ends. */
    public void changePassword(Principal principal, Caller caller, String current, String next) {
        UserStore.User user = get(principal.username());
        if (!passwords.verify(current, user.passwordHash())) {
            audit.recordAfter(caller.entry(AccountId.SYSTEM, "auth.password", user.username(), "refused: wrong "
                    + "current password", ""));
            throw new ApiError(403, "invalid-credentials", "Invalid credentials", "the current password is wrong",
                    List.of(new ApiError.FieldError("currentPassword", "is wrong")), Map.of());
        }
        requirePolicy(user.username(), next, "newPassword");
        if (passwords.verify(next, user.passwordHash())) {
            throw ApiError.invalidField("newPassword", "must differ from the current password");
        }
        store.setPassword(user.username(), passwords.hash(next));
        refreshTokens.revokeUser(user.username());
        authenticator.forget(user.username());
        audit.record(caller.entry(AccountId.SYSTEM, "auth.password", user.username(), "ok", ""));
    }

    /** Starts enrolling a second factor: a new secret, not yet in force. */
    public Enrolment enrolTotp(Principal principal, Caller caller) {
        UserStore.User user = get(principal.username());
        if (user.totpEnabled()) {
            throw ApiError.conflict("a second factor is enrolled already; an administrator can reset it");
        }
        String secret = Totp.newSecret();
        store.setTotpPending(user.username(), secrets.seal(secret));
        audit.record(caller.entry(AccountId.SYSTEM, "auth.totp-enrol", user.username(), "ok", ""));
        return new Enrolment(secret, Totp.uri(ISSUER, user.username(), secret));
    }

    /** Confirms enrolment with a code from the app; from now on the user signs in with codes. */
    public void confirmTotp(Principal principal, Caller caller, String code) {
        UserStore.User user = get(principal.username());
        if (user.totpPending().isEmpty()) {
            throw ApiError.conflict("no enrolment is in progress: start one first");
        }
        OptionalLong step = totp.verify(secrets.open(user.totpPending().get()), code, user.totpLastStep());
        if (step.isEmpty()) {
            audit.recordAfter(caller.entry(AccountId.SYSTEM, "auth.totp-confirm", user.username(), "refused: wrong "
                    + "code", ""));
            throw ApiError.invalidField("code", "is not the current code of the enrolled secret");
        }
        store.confirmTotp(user.username(), step.getAsLong());
        // The login that enrolled was limited to enrolment: it ends, and the next one uses the code.
        refreshTokens.revokeUser(user.username());
        authenticator.forget(user.username());
        audit.record(caller.entry(AccountId.SYSTEM, "auth.totp-confirm", user.username(), "ok", ""));
    }

    private void requirePolicy(String username, String password, String field) {
        List<String> violations = policy.violations(username, password);
        if (!violations.isEmpty()) {
            throw ApiError.invalid(field + ": " + String.join("; ", violations), violations.stream()
                    .map(v -> new ApiError.FieldError(field, v)).toList());
        }
    }

    private void requireKnown(Set<AccountId> granted) {
        Set<AccountId> known = accounts.get();
        for (AccountId account : granted) {
            if (!known.contains(account)) {
                throw ApiError.invalidField("accounts", "no account " + account);
            }
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return password.toString();
    }
}
