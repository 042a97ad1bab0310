package com.quantdesk.server.stream;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.engine.EngineListener;
import com.quantdesk.core.event.Event;
import com.quantdesk.server.MarketView;
import com.quantdesk.server.auth.Principal;
import com.quantdesk.server.trading.AccountBoard;
import com.quantdesk.server.trading.EngineAccess;
import com.quantdesk.server.trading.Rupees;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The stream's fan-out. Engine events reach clients only once their step is durable in the
 * journal, so a client never sees what a crash could take back; quotes come from the market as
 * they print; each account's P&amp;L goes out every second when it changed. Delivery to each
 * client goes through its own bounded queue, so nothing here ever blocks.
 */
public final class StreamHub implements AutoCloseable {

    /** Close code for a client whose credentials stopped being valid. */
    static final int CREDENTIALS_GONE = 4401;

    private final Map<String, StreamClient> clients = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "stream-hub");
        thread.setDaemon(true);
        return thread;
    });
    private final int maxPerUser;
    private final int backlog;
    private final java.util.concurrent.atomic.AtomicLong dropped = new java.util.concurrent.atomic.AtomicLong();
    private final Supplier<AccountBoard.Board> board;
    private final Map<AccountId, String> lastPnl = new HashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    /**
     * @param maxPerUser most connections one user may hold
     * @param backlog    messages a client may fall behind before it is disconnected
     * @param heartbeat  how often every client gets a heartbeat message
     * @param board      the latest copy of the engine's figures, for the P&amp;L channel
     * @param recheck    a client's caller as they stand now, or empty when their credentials no longer hold
     */
    public StreamHub(EngineAccess engine, MarketView market, int maxPerUser, int backlog, Duration heartbeat,
                     Supplier<AccountBoard.Board> board,
                     Function<Principal, Optional<Principal>> recheck) {
        this.maxPerUser = maxPerUser;
        this.backlog = backlog;
        this.board = board;
        engine.read(e -> {
            e.addListener(new DurableSteps(engine));
            return null;
        });
        market.onQuote(quote -> publish(StreamMessage.of(quote)));
        timer.scheduleAtFixedRate(() -> {
            recheckAll(recheck);
            broadcast("{\"type\":\"heartbeat\"}");
        }, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleAtFixedRate(this::pnl, 1, 1, TimeUnit.SECONDS);
    }

    /** Collects each step's events on the engine thread and publishes them once the step is durable. */
    private final class DurableSteps implements EngineListener {
        private final EngineAccess engine;
        private List<StreamMessage> step = new ArrayList<>();
        private long last;

        DurableSteps(EngineAccess engine) {
            this.engine = engine;
        }

        @Override
        public void onEvent(Event event) {
            last = event.sequence();
            StreamMessage.of(event).ifPresent(step::add);
        }

        @Override
        public void onStepEnd() {
            if (step.isEmpty()) {
                return;
            }
            List<StreamMessage> messages = step;
            step = new ArrayList<>();
            // Durable futures complete in sequence order; one thread keeps that order for clients.
            engine.journal().durable(last).thenRunAsync(() -> messages.forEach(StreamHub.this::publish), timer);
        }
    }

    /** Whether one more connection of this user would pass the limit (checked again at connect). */
    public boolean full(String username) {
        return perUser.getOrDefault(username, new AtomicInteger()).get() >= maxPerUser;
    }

    /**
     * Takes a new connection; closes it at once (code 4429) when the user holds the most already.
     *
     * @return the client's id, or empty when refused
     */
    public Optional<String> connect(Principal principal, Session session) {
        AtomicInteger count = perUser.computeIfAbsent(principal.username(), u -> new AtomicInteger());
        if (count.incrementAndGet() > maxPerUser) {
            count.decrementAndGet();
            session.close(4429, "too many connections: at most " + maxPerUser + " per user",
                    org.eclipse.jetty.websocket.api.Callback.NOOP);
            return Optional.empty();
        }
        String id = Integer.toString(ids.incrementAndGet());
        StreamClient client = new StreamClient(id, principal, session, backlog, this::forget, dropped::addAndGet);
        clients.put(id, client);
        return Optional.of(id);
    }

    /** A client's subscriptions changed; answers with what it is subscribed to now. */
    public void subscribe(String id, List<String> channels, boolean subscribe) {
        StreamClient client = clients.get(id);
        if (client == null) {
            return;
        }
        if (subscribe) {
            client.channels().addAll(channels);
        } else {
            channels.forEach(client.channels()::remove);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("type", "subscribed");
        answer.put("channels", client.channels().stream().sorted().toList());
        client.send(com.quantdesk.server.http.Json.write(answer));
    }

    /** Sends a message to one client. */
    public void reply(String id, String json) {
        StreamClient client = clients.get(id);
        if (client != null) {
            client.send(json);
        }
    }

    /** Closes one client's connection. */
    public void close(String id, int code, String reason) {
        StreamClient client = clients.get(id);
        if (client != null) {
            client.close(code, reason);
        }
    }

    /** The connection of a client ended from the other side. */
    public void disconnected(String id) {
        StreamClient client = clients.get(id);
        if (client != null) {
            client.gone();
        }
    }

    /** Connected clients. */
    public int size() {
        return clients.size();
    }

    /** Messages thrown away because their client fell too far behind and was disconnected. */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Every heartbeat, each client's caller is checked again: a logout, a revoked key, a disabled
     * user, a password change or an expired token closes the stream (4401), and changed grants take
     * effect at once.
     */
    private void recheckAll(Function<Principal, Optional<Principal>> recheck) {
        for (StreamClient client : clients.values()) {
            try {
                Optional<Principal> now = recheck.apply(client.principal());
                if (now.isEmpty()) {
                    client.close(CREDENTIALS_GONE, "credentials no longer valid; connect again after signing in");
                } else {
                    client.principal(now.get());
                }
            } catch (RuntimeException e) {
                // The user store could not answer: the client keeps what it had until the next heartbeat.
            }
        }
    }

    private void forget(StreamClient client) {
        if (clients.remove(client.id()) != null) {
            perUser.get(client.principal().username()).decrementAndGet();
        }
    }

    private void publish(StreamMessage message) {
        for (StreamClient client : clients.values()) {
            client.offer(message);
        }
    }

    private void broadcast(String json) {
        for (StreamClient client : clients.values()) {
            client.send(json);
        }
    }

    /** Each account's figures, when they changed since the last second. Hub thread. */
    private void pnl() {
        if (clients.isEmpty()) {
            return;
        }
        AccountBoard.Board now = board.get();
        for (AccountBoard.AccountFigures a : now.accounts().values()) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("cash", Rupees.of(a.cash()));
            figures.put("equity", Rupees.of(a.equity()));
            figures.put("realized", Rupees.of(a.realized()));
            figures.put("unrealized", Rupees.of(a.unrealized()));
            figures.put("dayRealized", Rupees.of(a.dayRealized()));
            figures.put("dayCharges", Rupees.of(a.dayCharges()));
            figures.put("dayNet", Rupees.of(a.dayRealized() + a.unrealized() - a.dayCharges()));
            String key = figures.toString();
            if (!Objects.equals(lastPnl.put(a.account(), key), key)) {
                publish(StreamMessage.pnl(a.account(), now.asOf().toString(), figures));
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        for (StreamClient client : clients.values()) {
            client.close(1001, "server stopping");
        }
    }
}
