-- The audit trail's query table: one row per AuditRecorded event, written in the journal's transaction.
CREATE TABLE audit_log (
    sequence       BIGINT       NOT NULL PRIMARY KEY,
    time           VARCHAR(40)  NOT NULL,
    actor          VARCHAR(64)  NOT NULL,
    roles          VARCHAR(64)  NOT NULL,
    account        VARCHAR(64)  NOT NULL,
    action         VARCHAR(64)  NOT NULL,
    target         VARCHAR(128) NOT NULL,
    outcome        VARCHAR(200) NOT NULL,
    ip             VARCHAR(64)  NOT NULL,
    correlation_id VARCHAR(64)  NOT NULL,
    detail         TEXT         NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log (actor, sequence);
CREATE INDEX audit_log_action ON audit_log (action, sequence);
CREATE INDEX audit_log_correlation ON audit_log (correlation_id);

-- People and programs that use the API. Not journaled (their changes are audited in the journal).
-- Times in these tables are epoch milliseconds: they are compared, never hashed.
-- password_hash: bcrypt. totp_secret / totp_pending: sealed with the server's secret key (AES-GCM).
CREATE TABLE users (
    username            VARCHAR(64)  NOT NULL PRIMARY KEY,
    password_hash       VARCHAR(100) NOT NULL,
    roles               VARCHAR(64)  NOT NULL,
    disabled            SMALLINT     NOT NULL,
    totp_secret         VARCHAR(200),
    totp_pending        VARCHAR(200),
    totp_last_step      BIGINT       NOT NULL,
    failed_logins       INTEGER      NOT NULL,
    locked_until        BIGINT       NOT NULL,
    created_at          BIGINT       NOT NULL,
    updated_at          BIGINT       NOT NULL,
    password_changed_at BIGINT       NOT NULL
);

-- Which accounts a user may see and touch.
CREATE TABLE user_accounts (
    username VARCHAR(64) NOT NULL,
    account  VARCHAR(64) NOT NULL,
    PRIMARY KEY (username, account)
);

-- Refresh tokens, by the SHA-256 of the token (the token itself is never stored). A family is one
-- login's chain of rotations; presenting a rotated token revokes the whole family.
CREATE TABLE refresh_tokens (
    token_hash VARCHAR(64) NOT NULL PRIMARY KEY,
    family     VARCHAR(64) NOT NULL,
    username   VARCHAR(64) NOT NULL,
    issued_at  BIGINT      NOT NULL,
    expires_at BIGINT      NOT NULL,
    rotated    SMALLINT    NOT NULL,
    revoked    SMALLINT    NOT NULL
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family);
CREATE INDEX refresh_tokens_username ON refresh_tokens (username);

-- Access tokens revoked before they expire (logout, a disabled user), when Redis does not hold the list.
CREATE TABLE revoked_tokens (
    jti        VARCHAR(64) NOT NULL PRIMARY KEY,
    expires_at BIGINT      NOT NULL
);

-- API keys: the key is shown once; its secret part is kept as a SHA-256.
CREATE TABLE api_keys (
    key_id       VARCHAR(32)  NOT NULL PRIMARY KEY,
    username     VARCHAR(64)  NOT NULL,
    name         VARCHAR(64)  NOT NULL,
    secret_hash  VARCHAR(64)  NOT NULL,
    scope        VARCHAR(8)   NOT NULL,
    created_at   BIGINT       NOT NULL,
    last_used_at BIGINT       NOT NULL,
    revoked_at   BIGINT       NOT NULL
);
CREATE INDEX api_keys_username ON api_keys (username);

-- A placement's answer by Idempotency-Key, kept 24 h per user. status 0: the first request is still running.
CREATE TABLE idempotency_keys (
    username       VARCHAR(64)  NOT NULL,
    idem_key       VARCHAR(128) NOT NULL,
    fingerprint    VARCHAR(64)  NOT NULL,
    status         INTEGER      NOT NULL,
    body           TEXT         NOT NULL,
    correlation_id VARCHAR(64)  NOT NULL,
    created_at     BIGINT       NOT NULL,
    PRIMARY KEY (username, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
