package com.quantdesk.kite.ticker;

/** Connection state of a {@link KiteTicker}. */
public enum TickerState {
    /** Not started yet. */
    NEW,
    /** Opening the WebSocket. */
    CONNECTING,
    /** Open and receiving. */
    CONNECTED,
    /** Nothing arrived for the staleness threshold; reported, then the connection is replaced. */
    STALE,
    /** The connection was lost or could not be opened; a reconnect is scheduled. */
    DISCONNECTED,
    /** Closed by {@link KiteTicker#close()}; final. */
    CLOSED
}
