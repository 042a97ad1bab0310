package com.quantdesk.kite.ticker;

import java.util.List;
import java.util.Objects;

/**
 * Five-level market depth of a full-mode packet, best level first on both sides.
 *
 * @param bids   buy levels
 * @param offers sell levels
 */
public record Depth(List<DepthLevel> bids, List<DepthLevel> offers) {

    /** Copies the levels. */
    public Depth {
        bids = List.copyOf(Objects.requireNonNull(bids, "bids"));
        offers = List.copyOf(Objects.requireNonNull(offers, "offers"));
    }
}
