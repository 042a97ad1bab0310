-- The journal's chain: the algorithm (hmac-sha256) and the public id of the key that made it. The
-- key itself never enters the database.
CREATE TABLE journal_meta (
    name  VARCHAR(64) NOT NULL PRIMARY KEY,
    value TEXT        NOT NULL
);

-- A cancel asked for (OrderCancelRequested) and not yet confirmed: its reason.
ALTER TABLE orders ADD COLUMN cancel_requested TEXT;

-- Bots are journaled (BotCreated, BotStateChanged); the table is now their projection.
ALTER TABLE bots ADD COLUMN symbols TEXT NOT NULL DEFAULT '';
ALTER TABLE bots ADD COLUMN bar_seconds BIGINT NOT NULL DEFAULT 0;
ALTER TABLE bots ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE bots ADD COLUMN last_sequence BIGINT NOT NULL DEFAULT 0;

-- Accounts are journaled (AccountOpened): cash now includes the opening balance.
ALTER TABLE account_balances ADD COLUMN initial_cash BIGINT NOT NULL DEFAULT 0;

-- The risk engine's session per account (RiskSessionChanged), as it was last recorded.
CREATE TABLE risk_sessions (
    account             VARCHAR(64) NOT NULL PRIMARY KEY,
    trade_date          VARCHAR(10) NOT NULL,
    baseline_equity     BIGINT      NOT NULL,
    daily_loss_breached SMALLINT    NOT NULL,
    mis_squared_off     SMALLINT    NOT NULL,
    updated_at          VARCHAR(40) NOT NULL,
    last_sequence       BIGINT      NOT NULL
);
