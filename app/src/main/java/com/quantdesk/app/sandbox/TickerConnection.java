package com.quantdesk.app.sandbox;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One ticker client: its subscriptions (token → mode) and a queue of outgoing frames drained by a
 * virtual thread of its own, so one write is in flight at a time and a slow client never holds up
 * the market thread.
 */
final class TickerConnection {

    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final Session session;
    private final Map<Long, TickerMode> subscriptions = new ConcurrentHashMap<>();
    private final BlockingQueue<Object> outgoing = new LinkedBlockingQueue<>();
    private final Thread sender;
    private volatile boolean closed;

    TickerConnection(Session session) {
        this.session = session;
        this.sender = Thread.ofVirtual().name("kite-sandbox-ticker").start(this::drain);
    }

    /** The subscriptions, live (written by the socket's thread, read by the market thread). */
    Map<Long, TickerMode> subscriptions() {
        return subscriptions;
    }

    /** Queues a binary frame. */
    void send(ByteBuffer frame) {
        if (!closed) {
            outgoing.add(frame);
        }
    }

    /** Queues a text message. */
    void send(String text) {
        if (!closed) {
            outgoing.add(text);
        }
    }

    /** Drops the connection abruptly, without a close frame, as a broken network does. */
    void drop() {
        closed = true;
        sender.interrupt();
        session.disconnect();
    }

    /** Stops sending; the socket is gone. */
    void closed() {
        closed = true;
        sender.interrupt();
    }

    private void drain() {
        try {
            while (!closed) {
                Object next = outgoing.take();
                Callback.Completable sent = new Callback.Completable();
                if (next instanceof ByteBuffer frame) {
                    session.sendBinary(frame, sent);
                } else {
                    session.sendText((String) next, sent);
                }
                sent.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The socket failed or timed out: nothing more can be sent on it.
            closed = true;
            session.disconnect();
        }
    }
}
