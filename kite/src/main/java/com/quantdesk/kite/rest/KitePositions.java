package com.quantdesk.kite.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer of {@code GET /portfolio/positions}.
 *
 * @param net positions including those carried overnight
 * @param day today's positions
 */
public record KitePositions(List<KitePosition> net, List<KitePosition> day) {

    /** Copies the lists. */
    public KitePositions {
        net = List.copyOf(net);
        day = List.copyOf(day);
    }

    static KitePositions from(JsonNode n) {
        return new KitePositions(list(n.path("net")), list(n.path("day")));
    }

    private static List<KitePosition> list(JsonNode array) {
        List<KitePosition> out = new ArrayList<>();
        array.forEach(p -> out.add(KitePosition.from(p)));
        return out;
    }
}
