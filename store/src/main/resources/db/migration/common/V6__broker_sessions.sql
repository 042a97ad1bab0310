-- A broker login per account: the access token of the day, sealed (AES-256-GCM) under the key in
-- DATA_ENCRYPTION_KEY, so a copy of the database or a backup does not give it away. One row per
-- account; a new login replaces it. Times are ISO-8601 instants.
CREATE TABLE broker_sessions (
    account      VARCHAR(64)  NOT NULL PRIMARY KEY,
    broker       VARCHAR(16)  NOT NULL,
    api_key      VARCHAR(64)  NOT NULL,
    user_id      VARCHAR(64)  NOT NULL,
    sealed_token VARCHAR(512) NOT NULL,
    login_time   VARCHAR(40)  NOT NULL,
    stored_at    VARCHAR(40)  NOT NULL
);
