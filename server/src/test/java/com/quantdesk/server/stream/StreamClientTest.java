package com.quantdesk.server.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.server.auth.KeyScope;
import com.quantdesk.server.auth.Principal;
import com.quantdesk.server.auth.Role;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.Test;

class StreamClientTest {

    private static final Principal VIEWER = new Principal("meera", Set.of(Role.VIEWER), Set.of(AccountId.of("acc")),
            Principal.Method.BEARER, KeyScope.TRADE, "jti", Instant.MAX, "", false);

    /** A connection whose network takes messages at once, or never. */
    private static final class FakeSession {
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<String> closes = new CopyOnWriteArrayList<>();
        final Session session;

        FakeSession(boolean takesMessages) {
            session = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "sendText" -> {
                            sent.add((String) args[0]);
                            if (takesMessages) {
                                ((Callback) args[1]).succeed();
                            }
                            yield null;
                        }
                        case "isOpen" -> closes.isEmpty();
                        case "close" -> {
                            closes.add(args.length >= 2 ? args[0] + " " + args[1] : "close");
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "fake session";
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    @Test
    void aClientThatTakesNothingIsClosedAsASlowConsumerOnceItsQueueIsFull() {
        FakeSession network = new FakeSession(false);
        AtomicInteger gone = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong dropped = new java.util.concurrent.atomic.AtomicLong();
        StreamClient client = new StreamClient("1", VIEWER, network.session, 16, c -> gone.incrementAndGet(),
                dropped::addAndGet);
        client.send("{\"n\":0}");
        // The sender took the first message and waits for the network; the next 16 fill the queue.
        await().atMost(Duration.ofSeconds(5)).until(() -> network.sent.size() == 1);
        for (int n = 1; n <= 16; n++) {
            client.send("{\"n\":" + n + "}");
        }
        assertThat(network.closes).isEmpty();

        client.send("{\"n\":17}");

        assertThat(network.closes).containsExactly("4008 slow consumer: more than 16 messages behind");
        assertThat(gone).hasValue(1);
        // The 16 queued and the one that did not fit are thrown away.
        assertThat(dropped).hasValue(17);
        client.send("{\"n\":18}");
        assertThat(network.sent).hasSize(1);
        assertThat(gone).hasValue(1);
    }

    @Test
    void sendsOnlyItsChannelsAndOnlyOfAccountsItMaySee() {
        FakeSession network = new FakeSession(true);
        StreamClient client = new StreamClient("2", VIEWER, network.session, 16, c -> { }, n -> { });
        client.channels().add("orders");

        client.offer(new StreamMessage("orders", AccountId.of("acc"), "mine"));
        client.offer(new StreamMessage("orders", AccountId.of("other"), "theirs"));
        client.offer(new StreamMessage("fills", AccountId.of("acc"), "not subscribed"));
        client.offer(new StreamMessage("orders", AccountId.SYSTEM, "everyone's"));

        await().atMost(Duration.ofSeconds(5)).until(() -> network.sent.size() == 2);
        assertThat(network.sent).containsExactly("mine", "everyone's");
        client.close(1000, "bye");
        assertThat(network.closes).containsExactly("1000 bye");
    }
}
