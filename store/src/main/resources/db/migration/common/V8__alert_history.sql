-- The in-process alert engine's history: one row per alert from the moment it fires until it is
-- resolved, with its acknowledgement. Each transition is also journaled as an audit entry. Times are
-- epoch milliseconds.
CREATE TABLE alert_history (
    alert_id    VARCHAR(40)   NOT NULL PRIMARY KEY,
    rule        VARCHAR(100)  NOT NULL,
    severity    VARCHAR(16)   NOT NULL,
    account     VARCHAR(64)   NOT NULL,
    labels      VARCHAR(1000) NOT NULL,
    summary     VARCHAR(2000) NOT NULL,
    fired_at    BIGINT        NOT NULL,
    resolved_at BIGINT,
    acked_by    VARCHAR(64),
    acked_at    BIGINT
);
CREATE INDEX alert_history_fired ON alert_history (fired_at);
