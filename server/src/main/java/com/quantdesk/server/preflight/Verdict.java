package com.quantdesk.server.preflight;

/** How one preflight check came out. Any {@link #FAIL} makes the whole check a no-go. */
public enum Verdict {
    /** Meets the go-live bar. */
    PASS,
    /** Works, but something a careful operator would change before real money. */
    WARN,
    /** Not safe to go live with. */
    FAIL
}
