/**
 * The HTTP API, the WebSocket stream, users and roles, rate limits, security headers, metrics and
 * health. Handlers talk only to {@code TradingApi}, a thread-safe facade
 * over the engine's inbox, the journal and the query tables.
 */
package com.quantdesk.server;
