package com.quantdesk.sim.feed;

/** When {@link SyntheticTickFeed} produces ticks. */
public enum FeedMode {

    /**
     * The market is treated as open at any hour, so a new user sees activity at once. The feed
     * starts with an opening print; outside the real session the activity is the calm mid-day level.
     */
    DEMO,

    /** Ticks only in NSE's normal market, 09:15–15:30 IST on trading days, each day opening with an equilibrium print. */
    NSE_SESSION
}
