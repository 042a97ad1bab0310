package com.quantdesk.server.auth;

/** What an API key may do on its owner's behalf. */
public enum KeyScope {
    /** Reads only. */
    READ,
    /** Reads and trading (placing, changing, cancelling orders; bot actions), within the owner's roles. */
    TRADE
}
