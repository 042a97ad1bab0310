package com.quantdesk.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.engine.TradingEngine;
import com.quantdesk.core.indicator.Sma;
import com.quantdesk.core.indicator.Vwap;
import com.quantdesk.core.testing.RecordingGateway;
import com.quantdesk.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IndicatorSetTest {

    private static final Symbol INFY = Symbol.of("INFY");
    private static final Instant DAY1 = Instant.parse("2026-01-05T03:45:00Z");

    @Test
    void engineFeedsBoundIndicatorsBeforeOnBarAndReturnsTheSameInstance() {
        List<Double> seen = new ArrayList<>();
        List<Boolean> sameInstance = new ArrayList<>();
        Strategy strategy = new Strategy() {
            Sma first;

            @Override
            public void onStart(StrategyContext ctx) {
                first = ctx.indicators(INFY).sma(3);
            }

            @Override
            public void onBar(StrategyContext ctx, Bar bar) {
                sameInstance.add(ctx.indicators(INFY).sma(3) == first);
                seen.add(first.value());
            }
        };
        ManualClock clock = new ManualClock(DAY1);
        TradingEngine engine = new TradingEngine(clock, new RecordingGateway(),
                s -> Optional.of(Instrument.nseEquity(s.value(), 5, "x")));
        engine.openAccount(AccountId.of("a"), 1_000_00);
        engine.addBot(BotId.of("b"), AccountId.of("a"), strategy, List.of(INFY));
        engine.start();
        long[] closes = {100_00, 103_00, 106_00, 109_00};
        for (int i = 0; i < closes.length; i++) {
            engine.onBar(new Bar(INFY, DAY1.plus(Duration.ofMinutes(i)), closes[i], closes[i], closes[i], closes[i], 1));
        }
        assertThat(seen.subList(0, 2)).allMatch(v -> v.isNaN());
        assertThat(seen.subList(2, 4)).containsExactly(103_00.0, 106_00.0);
        assertThat(sameInstance).containsOnly(true);
    }

    @Test
    void vwapRestartsOnEachIstTradingDay() {
        IndicatorSet set = new IndicatorSet();
        Vwap vwap = set.vwap();
        set.update(new Bar(INFY, DAY1, 100, 100, 100, 100, 10));
        set.update(new Bar(INFY, DAY1.plus(Duration.ofHours(6)), 200, 200, 200, 200, 10));
        assertThat(vwap.value()).isEqualTo(150.0);
        set.update(new Bar(INFY, DAY1.plus(Duration.ofDays(1)), 400, 400, 400, 400, 10));
        assertThat(vwap.value()).isEqualTo(400.0);
    }
}
