-- Notification channels, who subscribes to them, and each delivery with its retries. Not journaled:
-- adding or removing a channel or a subscription is audited in the journal. Times are epoch
-- milliseconds (compared, never hashed).

-- A place notifications go: kind webhook, slack, email or telegram. settings is the non-secret part
-- as a JSON object; sealed_secret is the secret part (signing key, hook URL, password, bot token),
-- sealed (AES-256-GCM) under the server key so that a copy of the database does not give it away.
CREATE TABLE notification_channels (
    channel_id    VARCHAR(32)  NOT NULL PRIMARY KEY,
    name          VARCHAR(64)  NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    settings      TEXT         NOT NULL,
    sealed_secret TEXT         NOT NULL,
    created_by    VARCHAR(64)  NOT NULL,
    created_at    BIGINT       NOT NULL,
    enabled       SMALLINT     NOT NULL
);

-- A user's wish to hear of notifications through a channel: those at least as severe as
-- min_severity (CRITICAL, WARNING or INFO), of the accounts listed (comma-separated; '*' for every
-- account the user is granted). System-wide notifications reach every subscriber.
CREATE TABLE notification_subscriptions (
    username     VARCHAR(64)   NOT NULL,
    channel_id   VARCHAR(32)   NOT NULL,
    min_severity VARCHAR(16)   NOT NULL,
    accounts     VARCHAR(2000) NOT NULL,
    PRIMARY KEY (username, channel_id)
);
CREATE INDEX notification_subscriptions_channel ON notification_subscriptions (channel_id);

-- One notification on its way through one channel, whatever the number of subscribers. It carries
-- the notification itself, so a delivery still pending at a restart is sent after it. status:
-- pending, delivered or failed; next_attempt_at: when a pending one is due (a sender claims it by
-- moving this forward). test = 1: a test notification an administrator asked for.
CREATE TABLE notification_deliveries (
    delivery_id      VARCHAR(32)   NOT NULL PRIMARY KEY,
    channel_id       VARCHAR(32)   NOT NULL,
    notification_key VARCHAR(200)  NOT NULL,
    severity         VARCHAR(16)   NOT NULL,
    account          VARCHAR(64),
    code             VARCHAR(64)   NOT NULL,
    title            VARCHAR(200)  NOT NULL,
    message          VARCHAR(4000) NOT NULL,
    fired_at         BIGINT        NOT NULL,
    test             SMALLINT      NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    attempts         INTEGER       NOT NULL,
    last_error       VARCHAR(500),
    next_attempt_at  BIGINT        NOT NULL,
    delivered_at     BIGINT,
    created_at       BIGINT        NOT NULL,
    UNIQUE (channel_id, notification_key, fired_at)
);
CREATE INDEX notification_deliveries_due ON notification_deliveries (status, next_attempt_at);
CREATE INDEX notification_deliveries_created ON notification_deliveries (created_at);
