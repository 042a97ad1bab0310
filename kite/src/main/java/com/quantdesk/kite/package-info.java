/**
 * Zerodha Kite Connect v3, written on {@code java.net.http} and Jackson from the protocol itself
 * (docs/live-trading.md): the REST client with its login, typed errors, client-side rate limits and
 * circuit breakers; the ticker's binary frame decoder and WebSocket client. The adapter implements
 * the broker and market-data ports of {@code core} and depends on nothing else of Quantdesk.
 */
package com.quantdesk.kite;
