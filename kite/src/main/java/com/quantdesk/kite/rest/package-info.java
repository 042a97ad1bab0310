/**
 * The Kite Connect v3 REST client: {@link com.quantdesk.kite.rest.KiteLogin} turns a request token
 * into a {@link com.quantdesk.kite.rest.KiteSession}; {@link com.quantdesk.kite.rest.KiteClient}
 * calls every endpoint the platform uses and parses the answers into typed records (prices in
 * paise, times as {@link java.time.Instant}). {@link com.quantdesk.kite.rest.KiteTransport} owns
 * the HTTP client, the per-endpoint-class rate limiters and circuit breakers and the read retries;
 * create one per Zerodha account and share it between sessions.
 *
 * <p>Threading: every class here is safe to call from several threads; calls block, so run them on
 * virtual threads, never on the engine thread.
 */
package com.quantdesk.kite.rest;
