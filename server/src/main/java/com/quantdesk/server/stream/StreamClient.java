package com.quantdesk.server.stream;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.server.auth.Principal;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One WebSocket client: what it subscribed to, and a bounded queue drained by a virtual thread of
 * its own that sends one message at a time and waits until the network took it. A client that
 * falls a whole queue behind, or does not take a message within the send timeout, is disconnected
 * with a reason; it never slows the hub or another client.
 */
final class StreamClient {

    /** Close code for a client that does not keep up. */
    static final int SLOW_CONSUMER = 4008;
    private static final long SEND_TIMEOUT_SECONDS = 10;

    private final String id;
    private volatile Principal principal;
    private final Session session;
    private final BlockingQueue<String> queue;
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final Consumer<StreamClient> onGone;
    private final java.util.function.LongConsumer onDropped;
    private final Thread sender;
    private volatile boolean closed;

    /**
     * @param onGone    told once when the connection ends
     * @param onDropped told how many queued messages were thrown away when the client is dropped
     */
    StreamClient(String id, Principal principal, Session session, int backlog, Consumer<StreamClient> onGone,
                 java.util.function.LongConsumer onDropped) {
        this.id = id;
        this.principal = principal;
        this.session = session;
        this.queue = new ArrayBlockingQueue<>(backlog);
        this.onGone = onGone;
        this.onDropped = onDropped;
        this.sender = Thread.ofVirtual().name("stream-" + principal.username() + "-" + id).start(this::drain);
    }

    String id() {
        return id;
    }

    Principal principal() {
        return principal;
    }

    /** The caller as they stand now (roles and granted accounts may have changed). */
    void principal(Principal now) {
        principal = now;
    }

    Set<String> channels() {
        return channels;
    }

    /** Queues a message if the client subscribed to its channel and may see its account. */
    void offer(StreamMessage message) {
        if (closed || !channels.contains(message.channel())) {
            return;
        }
        if (!message.account().equals(AccountId.SYSTEM) && !principal.sees(message.account())) {
            return;
        }
        send(message.json());
    }

    /** Queues a message for this client alone (answers, heartbeats). */
    void send(String json) {
        if (!closed && !queue.offer(json)) {
            onDropped.accept(1);
            close(SLOW_CONSUMER, "slow consumer: more than " + (queue.size() + queue.remainingCapacity())
                    + " messages behind");
        }
    }

    private void drain() {
        try {
            while (!closed) {
                String json = queue.take();
                Callback.Completable sent = new Callback.Completable();
                session.sendText(json, sent);
                sent.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            close(SLOW_CONSUMER, "slow consumer: a message was not taken within " + SEND_TIMEOUT_SECONDS + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            close(1011, "send failed");
        }
    }

    /** Closes the connection with a code and reason the client sees. */
    void close(int code, String reason) {
        if (closed) {
            return;
        }
        closed = true;
        onDropped.accept(queue.size());
        queue.clear();
        sender.interrupt();
        if (session.isOpen()) {
            session.close(code, reason, Callback.NOOP);
        }
        onGone.accept(this);
    }

    /** The connection ended from the other side. */
    void gone() {
        if (!closed) {
            closed = true;
            sender.interrupt();
            onGone.accept(this);
        }
    }
}
