package com.quantdesk.app.sandbox;

import com.quantdesk.kite.ticker.DecodedMessage;
import com.quantdesk.kite.ticker.OrderUpdate;
import com.quantdesk.kite.ticker.TickerListener;
import com.quantdesk.kite.ticker.TickerPacket;
import com.quantdesk.kite.ticker.TickerState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Records what a {@link com.quantdesk.kite.ticker.KiteTicker} delivers, each packet with its arrival number. */
final class TickerRecorder implements TickerListener {

    /** A packet and the number of the connection (count of CONNECTED states so far) it came on. */
    record Arrival(long connection, TickerPacket packet) {
    }

    final List<Arrival> packets = new CopyOnWriteArrayList<>();
    final List<OrderUpdate> orders = new CopyOnWriteArrayList<>();
    final List<DecodedMessage> malformed = new CopyOnWriteArrayList<>();
    final List<TickerState> states = new CopyOnWriteArrayList<>();
    final List<String> serverMessages = new CopyOnWriteArrayList<>();
    final List<String> reasons = new CopyOnWriteArrayList<>();
    final AtomicLong connections = new AtomicLong();

    @Override
    public void onPackets(List<TickerPacket> batch) {
        long connection = connections.get();
        batch.forEach(p -> packets.add(new Arrival(connection, p)));
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
        if (state == TickerState.CONNECTED) {
            connections.incrementAndGet();
        }
        states.add(state);
        reasons.add(String.format("%tT.%<tL %s: %s", System.currentTimeMillis(), state, reason));
    }

    /** Packets of {@code token} that arrived on connection {@code connection} or later. */
    List<TickerPacket> since(long connection, long token) {
        return packets.stream().filter(a -> a.connection() >= connection && a.packet().instrumentToken() == token)
                .map(Arrival::packet).toList();
    }
}
