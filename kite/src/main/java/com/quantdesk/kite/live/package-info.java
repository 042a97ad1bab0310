/**
 * Live trading through Kite Connect: the broker port of {@code core} ({@link com.quantdesk.kite.live.KiteVenue}),
 * the translation of Kite's order states and trades into execution reports, reconciliation with Kite's
 * order book, postback verification and the REST quote feed used when the ticker is stale.
 */
package com.quantdesk.kite.live;
