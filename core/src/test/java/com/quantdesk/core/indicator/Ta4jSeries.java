package com.quantdesk.core.indicator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.num.DoubleNumFactory;
import org.ta4j.core.num.Num;

/** Builds ta4j series from test bars, for comparing our indicators with ta4j 0.21's. */
final class Ta4jSeries {

    private static final Instant MARKET_OPEN = Instant.parse("2024-01-01T03:45:00Z");

    private Ta4jSeries() {
    }

    /** A one-minute-bar series of doubles (not ta4j's default decimals, to compare like with like). */
    static BarSeries of(List<SyntheticBar> bars) {
        BarSeries series = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance()).build();
        for (int i = 0; i < bars.size(); i++) {
            SyntheticBar bar = bars.get(i);
            series.barBuilder()
                    .timePeriod(Duration.ofMinutes(1))
                    .endTime(MARKET_OPEN.plus(Duration.ofMinutes(i + 1L)))
                    .openPrice(bar.open())
                    .highPrice(bar.high())
                    .lowPrice(bar.low())
                    .closePrice(bar.close())
                    .volume(bar.volume())
                    .add();
        }
        return series;
    }

    static double at(Indicator<Num> indicator, int index) {
        return indicator.getValue(index).doubleValue();
    }
}
