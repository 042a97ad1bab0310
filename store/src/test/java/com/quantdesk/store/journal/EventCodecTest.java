package com.quantdesk.store.journal;

import static com.quantdesk.core.testing.Generators.anyLong;
import static com.quantdesk.core.testing.Generators.spreadLongs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderId;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.domain.Validity;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.OrderSubmitted;
import com.quantdesk.core.event.RiskConfigChanged;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.order.OrderRequest;
import com.quantdesk.core.order.OrderStatus;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    static List<Event> everyType() {
        return SampleEvents.everyType();
    }

    @Test
    void samplesCoverEveryEventTypeOfTheSealedHierarchy() {
        Set<Class<?>> concrete = new HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(Event.class));
        while (!todo.isEmpty()) {
            Class<?> type = todo.pop();
            if (type.isSealed()) {
                todo.addAll(List.of(type.getPermittedSubclasses()));
            } else {
                concrete.add(type);
            }
        }
        assertThat(everyType().stream().map(Object::getClass).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(concrete);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyType")
    void roundTripsEveryEventTypeExactly(Event event) {
        EncodedEvent row = codec.encode(event);

        assertThat(codec.decode(row)).isEqualTo(event);
        assertThat(row.type()).isEqualTo(event.getClass().getSimpleName());
        assertThat(row.sequence()).isEqualTo(event.sequence());
        assertThat(codec.encode(codec.decode(row))).isEqualTo(row);
    }

    @Test
    void writesCanonicalJsonWithFieldsInDeclarationOrderAndPaiseAsIntegers() {
        OrderFilled fill = (OrderFilled) everyType().get(3);

        EncodedEvent row = codec.encode(fill);

        assertThat(row.time()).isEqualTo("2026-11-23T03:45:00.128456789Z");
        assertThat(row.account()).isEqualTo("acc-1");
        assertThat(row.bot()).isEqualTo("sma.bot_1");
        assertThat(row.causationId()).isEqualTo(1);
        assertThat(row.payload()).isEqualTo("{\"orderId\":1,\"fillId\":\"T-77\",\"symbol\":\"M&M\",\"side\":\"BUY\","
                + "\"product\":\"MIS\",\"quantity\":40,\"price\":295055,\"charges\":3107,\"filledQuantity\":40,"
                + "\"remaining\":80}");
    }

    @Test
    void writesTheNestedOrderWithItsRequest() {
        OrderSubmitted submitted = (OrderSubmitted) everyType().getFirst();

        assertThat(codec.encode(submitted).payload()).isEqualTo("{\"order\":{\"id\":1,\"request\":{"
                + "\"account\":\"acc-1\",\"bot\":\"sma.bot_1\",\"symbol\":\"M&M\",\"side\":\"BUY\",\"type\":\"SL\","
                + "\"product\":\"MIS\",\"validity\":\"DAY\",\"quantity\":100,\"limitPrice\":295005,"
                + "\"triggerPrice\":294900,\"stopLossPrice\":290000,\"tag\":\"tag \\\"quoted\\\" ✓\","
                + "\"afterMarket\":true},\"status\":\"SUBMITTED\",\"venueOrderId\":\"\",\"filledQuantity\":0,"
                + "\"filledValue\":0,\"createdAt\":\"2026-11-23T03:45:00.123456789Z\","
                + "\"updatedAt\":\"2026-11-23T03:45:00.123456789Z\"}}");
    }

    @Test
    void refusesAPayloadWithAMissingFieldNamingIt() {
        EncodedEvent row = codec.encode(everyType().get(3));
        EncodedEvent broken = new EncodedEvent(row.sequence(), row.time(), row.type(), row.account(), row.bot(),
                row.causationId(), row.payload().replace("\"charges\":3107,", ""));

        assertThatThrownBy(() -> codec.decode(broken))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event 4 (OrderFilled)")
                .hasMessageContaining("payload.charges is missing");
    }

    @Test
    void refusesAFractionalAmount() {
        EncodedEvent row = codec.encode(everyType().get(3));
        EncodedEvent broken = new EncodedEvent(row.sequence(), row.time(), row.type(), row.account(), row.bot(),
                row.causationId(), row.payload().replace("\"price\":295055", "\"price\":2950.55"));

        assertThatThrownBy(() -> codec.decode(broken)).hasMessageContaining("payload.price is not a 64-bit integer");
    }

    @Test
    void refusesAnUnknownType() {
        EncodedEvent row = new EncodedEvent(1, T0(), "OrderTeleported", "a", "b", 0, "{}");

        assertThatThrownBy(() -> codec.decode(row)).hasMessageContaining("unknown event type 'OrderTeleported'");
    }

    @Test
    void roundTripsArbitraryOrders() {
        qt().withExamples(300).forAll(orders(), texts(40), anyLong(), instants())
                .checkAssert((order, text, amount, time) ->
                        withPrintableFailure(() -> roundTripsAnOrderAndAConfigChange(order, text, amount, time)));
    }

    /** Runs {@code check}; a failure comes back with its message {@link #printable} and its stack trace. */
    private static void withPrintableFailure(Runnable check) {
        try {
            check.run();
        } catch (RuntimeException | AssertionError e) {
            AssertionError printable = new AssertionError(e.getClass().getName() + ": " + printable(e.getMessage()));
            printable.setStackTrace(e.getStackTrace());
            throw printable;
        }
    }

    private void roundTripsAnOrderAndAConfigChange(Order order, String text, long amount, Instant time) {
        List<Event> events = List.of(
                new OrderSubmitted(Math.abs(amount % 1_000_000) + 1, time, order.account(), order.bot(),
                        order.id().value(), order),
                new RiskConfigChanged(7, time, order.account(), order.bot(), amount, text, text + "\u0000",
                        "\uD83D\uDE00" + text, text));

        for (Event event : events) {
            assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
        }
    }

    /**
     * Text of up to {@code maxLength} chars: any UTF-16 code unit (lone surrogates and control
     * characters included), or any code point (so that surrogate pairs appear too).
     */
    static Gen<String> texts(int maxLength) {
        Gen<String> units = lists().of(integers().between(Character.MIN_VALUE, Character.MAX_VALUE))
                .ofSizeBetween(0, maxLength)
                .map(l -> l.stream().collect(StringBuilder::new, (sb, c) -> sb.append((char) c.intValue()),
                        StringBuilder::append).toString());
        Gen<String> codePoints = strings().allPossible().ofLengthBetween(0, maxLength)
                .map(s -> s.length() <= maxLength ? s : s.substring(0, maxLength));
        return Generate.oneOf(units, codePoints).describedAs(EventCodecTest::printable);
    }

    /**
     * The text quoted, with control characters, surrogates and non-characters escaped: a lone surrogate
     * in a failure report would cut the rest of it, the seed included, from the test output.
     */
    static String printable(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c < 0x20 || (c >= 0x7f && c < 0xa0) || Character.isSurrogate(c) || c >= 0xfffe || c == '"'
                    || c == '\\') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** Text of {@code min} to {@code max} chars taken from {@code chars}. */
    static Gen<String> textOf(String chars, int min, int max) {
        List<Character> alphabet = chars.chars().mapToObj(c -> (char) c).toList();
        return lists().of(arbitrary().pick(alphabet)).ofSizeBetween(min, max)
                .map(l -> l.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    static Gen<Instant> instants() {
        return spreadLongs(-10_000_000_000L, 10_000_000_000L).zip(integers().between(0, 999_999_999),
                Instant::ofEpochSecond);
    }

    /** Who places an order, where, and its shape. */
    private record Head(AccountId account, BotId bot, Symbol symbol, Side side) {
    }

    private record Shape(OrderType type, Product product, Validity validity, long quantity) {
    }

    static Gen<Order> orders() {
        Gen<Long> positive = spreadLongs(1, Long.MAX_VALUE);
        Gen<Head> heads = textOf("abcXYZ09._-", 1, 64).map(AccountId::of)
                .zip(textOf("bot_-.1", 1, 10).map(BotId::of), textOf("ABZ09&-", 1, 12).map(s -> Symbol.of("S" + s)),
                        arbitrary().enumValues(Side.class), Head::new);
        Gen<Shape> shapes = arbitrary().enumValues(OrderType.class).zip(arbitrary().enumValues(Product.class),
                arbitrary().enumValues(Validity.class), positive, Shape::new);
        Gen<OrderRequest> requests = heads.zip(shapes, positive, positive, (h, s, limit, trigger) ->
                new OrderRequest(h.account(), h.bot(), h.symbol(), h.side(), s.type(), s.product(), s.validity(),
                        s.quantity(), s.type().needsLimitPrice() ? limit : 0,
                        s.type().needsTriggerPrice() ? trigger : 0, limit / 2, "", false))
                .zip(texts(20), booleans().all(), (r, tag, amo) -> new OrderRequest(r.account(), r.bot(),
                        r.symbol(), r.side(), r.type(), r.product(), r.validity(), r.quantity(), r.limitPrice(),
                        r.triggerPrice(), r.stopLossPrice(), tag, amo));
        Gen<Order> orders = positive.zip(requests, arbitrary().enumValues(OrderStatus.class), texts(20),
                (id, request, status, venueId) -> new Order(OrderId.of(id), request, status, venueId,
                        request.quantity() / 3, request.quantity() / 3 * 7, Instant.EPOCH, Instant.EPOCH));
        return orders.zip(instants(), instants(), (o, created, updated) -> new Order(o.id(), o.request(),
                o.status(), o.venueOrderId(), o.filledQuantity(), o.filledValue(), created, updated))
                .describedAs(o -> printable(o.toString()));
    }

    private static String T0() {
        return SampleEvents.T0.toString();
    }
}
