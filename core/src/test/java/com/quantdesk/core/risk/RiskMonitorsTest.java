package com.quantdesk.core.risk;

import static com.quantdesk.core.risk.RiskDesk.ACC;
import static com.quantdesk.core.risk.RiskDesk.INFY;
import static com.quantdesk.core.risk.RiskDesk.SESSION;
import static com.quantdesk.core.risk.RiskDesk.TCS;
import static com.quantdesk.core.risk.RiskDesk.limit;
import static com.quantdesk.core.risk.RiskDesk.relaxed;
import static com.quantdesk.core.risk.RiskDesk.relaxedExcept;
import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.command.CommandResult;
import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.event.RiskAlert;
import com.quantdesk.core.market.MarketHours;
import com.quantdesk.core.order.Order;
import com.quantdesk.core.testing.RecordingGateway;
import com.quantdesk.core.time.MarketTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What risk does on its own: reject spikes and stale data fire the kill switch; MIS is squared off. */
class RiskMonitorsTest {

    @ParameterizedTest(name = "{0} rejects, {1} ms apart -> {2}")
    @CsvSource({
        "2, 0,     ACTIVE",
        "3, 0,     HALTED",
        "3, 29999, HALTED",
        "3, 30000, ACTIVE",
    })
    void venueRejectSpikeFiresTheKillSwitch(int rejects, long apart, TradingState state) {
        RiskDesk desk = new RiskDesk(new RiskEngine(relaxed().with(Map.of("rejectSpikeCount", "3",
                "rejectSpikeWindow", "60s"))), SESSION, new RecordingGateway());
        for (int i = 0; i < rejects; i++) {
            CommandResult order = desk.submit(limit(INFY, Side.BUY, 1 + i, 100_00, Product.MIS));
            desk.gateway.reports().rejected(order.orderId().orElseThrow(), "RMS", "margin");
            desk.clock.advance(Duration.ofMillis(apart));
        }
        assertThat(desk.engine.tradingState(ACC)).isEqualTo(state);
        assertThat(desk.events(RiskAlert.class)).extracting(RiskAlert::code).containsExactlyElementsOf(
                state == TradingState.HALTED ? List.of("RISK_REJECT_SPIKE", "KILL_SWITCH") : List.of());
    }

    @ParameterizedTest(name = "silent for {0} -> {1}")
    @CsvSource({
        "PT60S,     ACTIVE",
        "PT60.001S, HALTED",
    })
    void staleMarketDataInTheSessionHaltsEverything(Duration silence, TradingState state) {
        RiskDesk desk = new RiskDesk(relaxedExcept("staleDataAfter", "60s"));
        desk.price(INFY, 100_00);
        desk.clock.advance(silence);
        desk.engine.onTime();
        assertThat(desk.engine.tradingState(AccountId.SYSTEM)).isEqualTo(state);
        assertThat(desk.events(RiskAlert.class)).extracting(RiskAlert::code).containsExactlyElementsOf(
                state == TradingState.HALTED ? List.of("RISK_STALE_DATA", "KILL_SWITCH") : List.of());
    }

    @Test
    void aBarThatStartedLongAgoDoesNotMakeTheFeedLookSilent() {
        RiskDesk desk = new RiskDesk(relaxedExcept("staleDataAfter", "60s"));
        desk.price(INFY, 100_00);
        // A daily bar arrives at the close, stamped with the day's 09:15 open.
        desk.clock.advance(Duration.ofSeconds(30));
        desk.engine.onBar(new Bar(INFY, desk.clock.instant().minus(Duration.ofHours(5)), 100_00, 101_00, 99_00,
                100_00, 1_000));
        desk.clock.advance(Duration.ofSeconds(59));
        desk.engine.onTime();
        assertThat(desk.engine.tradingState(AccountId.SYSTEM)).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void ticksKeepTheFeedAliveBetweenBars() {
        RiskDesk desk = new RiskDesk(relaxedExcept("staleDataAfter", "60s"));
        desk.price(INFY, 100_00);
        for (int i = 0; i < 30; i++) {
            desk.clock.advance(Duration.ofSeconds(10));
            desk.engine.marketDataSeen();
            desk.engine.onTime();
        }
        assertThat(desk.engine.tradingState(AccountId.SYSTEM)).isEqualTo(TradingState.ACTIVE);
        desk.clock.advance(Duration.ofSeconds(61));
        desk.engine.onTime();
        assertThat(desk.engine.tradingState(AccountId.SYSTEM)).isEqualTo(TradingState.HALTED);
    }

    @ParameterizedTest(name = "{0}: silent since the last session -> {1}")
    @CsvSource({
        "2026-01-26, ACTIVE",
        "2026-01-27, HALTED",
    })
    void staleDataIsJudgedOnTheConfiguredCalendarSoAHolidayIsNotSilence(LocalDate day, TradingState state) {
        // 2026-01-26 (Republic Day) is a holiday in this calendar; the 27th is a normal trading day.
        RiskEngine risk = new RiskEngine(relaxedExcept("staleDataAfter", "60s"))
                .withMarketHours(MarketHours.nse(Set.of(LocalDate.of(2026, 1, 26))));
        RiskDesk desk = new RiskDesk(risk, Instant.parse("2026-01-23T09:59:00Z"), new RecordingGateway());
        desk.price(INFY, 100_00); // Friday's last bar, 15:29 IST
        desk.clock.set(day.atTime(11, 0).atZone(MarketTime.IST).toInstant());
        desk.engine.onTime();
        assertThat(desk.engine.tradingState(AccountId.SYSTEM)).isEqualTo(state);
    }

    @ParameterizedTest(name = "at {0} -> {1} square-off orders")
    @CsvSource({
        "2026-01-05T09:49:59Z, 0",
        "2026-01-05T09:50:00Z, 1",
        "2026-01-06T03:45:00Z, 1",
    })
    void misPositionsAreSquaredOffAtTheCutoffOrAtTheNextSession(Instant time, int squareOffs) {
        RiskDesk desk = new RiskDesk(relaxedExcept("misSquareOff", "true"));
        desk.price(INFY, 100_00);
        desk.engine.onTime();
        desk.hold(INFY, 10, 100_00, Product.MIS);
        desk.hold(TCS, 5, 100_00, Product.CNC);
        desk.clock.set(time);
        desk.engine.onTime();
        List<Order> closing = desk.gateway.submitted().stream()
                .filter(o -> o.request().tag().equals("MIS-SQUAREOFF")).toList();
        assertThat(closing).hasSize(squareOffs);
        if (squareOffs > 0) {
            assertThat(closing.getFirst().symbol()).isEqualTo(INFY);
            assertThat(closing.getFirst().side()).isEqualTo(Side.SELL);
            assertThat(closing.getFirst().request().quantity()).isEqualTo(10);
            assertThat(desk.events(RiskAlert.class)).extracting(RiskAlert::code).containsExactly("RISK_MIS_SQUAREOFF");
        }
    }
}
