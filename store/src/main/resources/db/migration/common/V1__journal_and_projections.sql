-- The journal and its projections. Portable SQL: SQLite and PostgreSQL both run this file.
-- Money and prices are integer paise (BIGINT); times are ISO-8601 instants as text, exactly as hashed.

-- Append-only, hash-chained event journal. prev_hash/hash: SHA-256 hex, see HashChain.
CREATE TABLE events (
    sequence     BIGINT      NOT NULL PRIMARY KEY,
    time         VARCHAR(40) NOT NULL,
    type         VARCHAR(64) NOT NULL,
    account      VARCHAR(64) NOT NULL,
    bot          VARCHAR(64) NOT NULL,
    causation_id BIGINT      NOT NULL,
    payload      TEXT        NOT NULL,
    prev_hash    VARCHAR(64) NOT NULL,
    hash         VARCHAR(64) NOT NULL
);
CREATE INDEX events_account_sequence ON events (account, sequence);

-- Latest state of every order (from OrderSubmitted/OrderDenied, then accepted, filled, modified...).
CREATE TABLE orders (
    order_id        BIGINT       NOT NULL PRIMARY KEY,
    account         VARCHAR(64)  NOT NULL,
    bot             VARCHAR(64)  NOT NULL,
    symbol          VARCHAR(40)  NOT NULL,
    side            VARCHAR(8)   NOT NULL,
    order_type      VARCHAR(8)   NOT NULL,
    product         VARCHAR(8)   NOT NULL,
    validity        VARCHAR(8)   NOT NULL,
    quantity        BIGINT       NOT NULL,
    limit_price     BIGINT       NOT NULL,
    trigger_price   BIGINT       NOT NULL,
    stop_loss_price BIGINT       NOT NULL,
    tag             VARCHAR(20)  NOT NULL,
    after_market    SMALLINT     NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    venue_order_id  VARCHAR(64)  NOT NULL,
    filled_quantity BIGINT       NOT NULL,
    filled_value    BIGINT       NOT NULL,
    reason_code     VARCHAR(64),
    reason          TEXT,
    created_at      VARCHAR(40)  NOT NULL,
    updated_at      VARCHAR(40)  NOT NULL,
    last_sequence   BIGINT       NOT NULL
);
CREATE INDEX orders_account_status ON orders (account, status);

-- Every fill, keyed by the event that booked it.
CREATE TABLE fills (
    sequence  BIGINT      NOT NULL PRIMARY KEY,
    order_id  BIGINT      NOT NULL,
    fill_id   VARCHAR(64) NOT NULL,
    account   VARCHAR(64) NOT NULL,
    bot       VARCHAR(64) NOT NULL,
    symbol    VARCHAR(40) NOT NULL,
    side      VARCHAR(8)  NOT NULL,
    product   VARCHAR(8)  NOT NULL,
    quantity  BIGINT      NOT NULL,
    price     BIGINT      NOT NULL,
    charges   BIGINT      NOT NULL,
    time      VARCHAR(40) NOT NULL
);
CREATE INDEX fills_order ON fills (order_id);
CREATE INDEX fills_account_time ON fills (account, time);

-- Net position per account, symbol and product, as the engine books it (PositionChanged).
CREATE TABLE positions (
    account       VARCHAR(64) NOT NULL,
    symbol        VARCHAR(40) NOT NULL,
    product       VARCHAR(8)  NOT NULL,
    quantity      BIGINT      NOT NULL,
    cost_basis    BIGINT      NOT NULL,
    average_price BIGINT      NOT NULL,
    realized_pnl  BIGINT      NOT NULL,
    last_bot      VARCHAR(64) NOT NULL,
    updated_at    VARCHAR(40) NOT NULL,
    last_sequence BIGINT      NOT NULL,
    PRIMARY KEY (account, symbol, product)
);

-- Per account: cash moved by trading (sells - buys - charges; no event carries the opening balance yet,
-- so it is not included), charges paid, realized P&L before charges.
CREATE TABLE account_balances (
    account       VARCHAR(64) NOT NULL PRIMARY KEY,
    cash          BIGINT      NOT NULL,
    charges       BIGINT      NOT NULL,
    realized_pnl  BIGINT      NOT NULL,
    updated_at    VARCHAR(40) NOT NULL,
    last_sequence BIGINT      NOT NULL
);

-- Bots and their configuration; filled by the bot management code, not by the journal.
CREATE TABLE bots (
    bot_id     VARCHAR(64) NOT NULL PRIMARY KEY,
    account    VARCHAR(64) NOT NULL,
    strategy   VARCHAR(64) NOT NULL,
    params     TEXT        NOT NULL,
    state      VARCHAR(16) NOT NULL,
    created_at VARCHAR(40) NOT NULL,
    updated_at VARCHAR(40) NOT NULL
);
