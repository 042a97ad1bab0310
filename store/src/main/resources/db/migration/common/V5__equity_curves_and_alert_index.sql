-- Equity curves, sampled by the API server from the engine's figures: at most one sample per market
-- minute per account (kind 'account': its equity) and per bot (kind 'bot': its net P&L), in paise.
-- Not journaled: a curve is a view of what the journal already holds, kept so that a restart does not
-- lose the day's chart. time_ms is epoch milliseconds of the engine's clock (sorted, never hashed);
-- trade_date is its IST date. Minute samples are kept for 30 days, day closes for good.
CREATE TABLE equity_samples (
    trade_date VARCHAR(10) NOT NULL,
    kind       VARCHAR(8)  NOT NULL,
    scope      VARCHAR(64) NOT NULL,
    time_ms    BIGINT      NOT NULL,
    value      BIGINT      NOT NULL,
    PRIMARY KEY (trade_date, kind, scope, time_ms)
);

-- The last sample of each scope and trade date: the points of the all-time curve.
CREATE TABLE equity_days (
    kind       VARCHAR(8)  NOT NULL,
    scope      VARCHAR(64) NOT NULL,
    trade_date VARCHAR(10) NOT NULL,
    time_ms    BIGINT      NOT NULL,
    value      BIGINT      NOT NULL,
    PRIMARY KEY (kind, scope, trade_date)
);

-- Recent alerts (RiskAlert, TradingStateChanged), newest first, without reading the whole journal.
CREATE INDEX events_type_sequence ON events (type, sequence);
