package com.quantdesk.kite.live;

import com.quantdesk.kite.rest.KiteException;

/**
 * Told when Kite refuses the session (a {@code TokenException}: the access token expired at the
 * daily reset, or was revoked). The composition root halts the account's trading and asks for a new
 * login. Called on whichever thread met the refusal.
 */
@FunctionalInterface
public interface SessionTrouble {

    /** Kite refused the session with {@code cause}. */
    void sessionRefused(KiteException.TokenException cause);
}
