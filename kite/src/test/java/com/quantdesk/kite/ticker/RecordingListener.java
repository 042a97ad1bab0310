package com.quantdesk.kite.ticker;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link TickerListener} that records every call, for tests. */
final class RecordingListener implements TickerListener {

    final List<TickerPacket> packets = new CopyOnWriteArrayList<>();
    final List<OrderUpdate> orders = new CopyOnWriteArrayList<>();
    final List<String> serverMessages = new CopyOnWriteArrayList<>();
    final List<DecodedMessage> malformed = new CopyOnWriteArrayList<>();
    final List<TickerState> states = new CopyOnWriteArrayList<>();
    final List<String> reasons = new CopyOnWriteArrayList<>();

    @Override
    public void onPackets(List<TickerPacket> received) {
        packets.addAll(received);
    }

    @Override
    public void onOrderUpdate(OrderUpdate update) {
        orders.add(update);
    }

    @Override
    public void onServerMessage(String text, boolean error) {
        serverMessages.add((error ? "error: " : "message: ") + text);
    }

    @Override
    public void onMalformedMessage(DecodedMessage message) {
        malformed.add(message);
    }

    @Override
    public void onStateChanged(TickerState state, String reason) {
        states.add(state);
        reasons.add(reason);
    }
}
