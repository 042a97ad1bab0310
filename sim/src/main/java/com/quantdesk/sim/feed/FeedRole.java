package com.quantdesk.sim.feed;

/** Which of a {@link FailoverFeed}'s two sources is in use. */
public enum FeedRole {

    /** The preferred source. */
    PRIMARY,

    /** The standby used while the primary is stale. */
    SECONDARY
}
