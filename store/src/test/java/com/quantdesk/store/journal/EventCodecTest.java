package com.quantdesk.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
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

    @Property(tries = 300)
    void roundTripsArbitraryOrders(@ForAll("orders") Order order, @ForAll("texts") String text,
                                   @ForAll long amount, @ForAll("instants") Instant time) {
        List<Event> events = List.of(
                new OrderSubmitted(Math.abs(amount % 1_000_000) + 1, time, order.account(), order.bot(),
                        order.id().value(), order),
                new RiskConfigChanged(7, time, order.account(), order.bot(), amount, text, text + "\u0000",
                        "\uD83D\uDE00" + text, text));

        for (Event event : events) {
            assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().all().ofMaxLength(40);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Combinators.combine(Arbitraries.longs().between(-10_000_000_000L, 10_000_000_000L),
                Arbitraries.integers().between(0, 999_999_999)).as(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Order> orders() {
        Arbitrary<OrderType> types = Arbitraries.of(OrderType.class);
        Arbitrary<Long> prices = Arbitraries.longs().between(1, Long.MAX_VALUE);
        Arbitrary<OrderRequest> requests = Combinators.combine(
                Arbitraries.strings().withChars("abcXYZ09._-").ofMinLength(1).ofMaxLength(64).map(AccountId::of),
                Arbitraries.strings().withChars("bot_-.1").ofMinLength(1).ofMaxLength(10).map(BotId::of),
                Arbitraries.strings().withChars("ABZ09&-").ofMinLength(1).ofMaxLength(12)
                        .map(s -> Symbol.of("S" + s)),
                Arbitraries.of(Side.class), types, Arbitraries.of(Product.class), Arbitraries.of(Validity.class),
                Arbitraries.longs().between(1, Long.MAX_VALUE))
                .flatAs((account, bot, symbol, side, type, product, validity, quantity) ->
                        Combinators.combine(prices, prices, Arbitraries.strings().all().ofMaxLength(20),
                                Arbitraries.of(true, false)).as((limit, trigger, tag, amo) ->
                                new OrderRequest(account, bot, symbol, side, type, product, validity, quantity,
                                        type.needsLimitPrice() ? limit : 0, type.needsTriggerPrice() ? trigger : 0,
                                        limit / 2, tag, amo)));
        return Combinators.combine(Arbitraries.longs().between(1, Long.MAX_VALUE), requests,
                Arbitraries.of(OrderStatus.class), Arbitraries.strings().ofMaxLength(20), instants(), instants())
                .as((id, request, status, venueId, created, updated) -> new Order(OrderId.of(id), request, status,
                        venueId, request.quantity() / 3, request.quantity() / 3 * 7, created, updated));
    }

    private static String T0() {
        return SampleEvents.T0.toString();
    }
}
