/**
 * The Kite WebSocket ticker (docs/kite-connect.md §B): {@link com.quantdesk.kite.ticker.TickerDecoder}
 * turns a binary message into typed {@link com.quantdesk.kite.ticker.TickerPacket}s and never throws
 * on bad input; {@link com.quantdesk.kite.ticker.TextMessageParser} reads order updates, errors and
 * notices; {@link com.quantdesk.kite.ticker.KiteTicker} is the {@code java.net.http} client with
 * subscriptions, reconnects and staleness; {@link com.quantdesk.kite.ticker.KiteTickSource} adapts it
 * to core's {@code TickSource}.
 */
package com.quantdesk.kite.ticker;
