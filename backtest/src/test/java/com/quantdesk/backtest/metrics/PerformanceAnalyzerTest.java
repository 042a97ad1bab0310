package com.quantdesk.backtest.metrics;

import static com.quantdesk.backtest.metrics.Curves.at;
import static com.quantdesk.backtest.metrics.Curves.close;
import static com.quantdesk.backtest.metrics.Curves.daily;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerformanceAnalyzerTest {

    private static final double EXACT = 1e-12;
    private static final Symbol INFY = Symbol.of("INFY");

    @Test
    void measuresTwentyPercentDrawdownFromPeakToRecovery() {
        // given ₹1,00,000 rising to a ₹1,20,000 peak on day 1, falling to ₹96,000 and back on day 4
        List<EquityPoint> curve = daily(100_000_00, 120_000_00, 96_000_00, 108_000_00, 120_000_00);

        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(curve, List.of(), 0, 0);

        // (1,20,000 - 96,000) / 1,20,000 = 0.2; underwater from day 1 to day 4
        assertThat(metrics.maxDrawdown()).isEqualTo(0.2);
        assertThat(metrics.maxDrawdownDuration()).isEqualTo(Duration.ofDays(3));
        assertThat(metrics.totalReturn()).isCloseTo(0.2, within(EXACT));
        assertThat(metrics.startEquityPaise()).isEqualTo(100_000_00);
        assertThat(metrics.finalEquityPaise()).isEqualTo(120_000_00);
    }

    @Test
    void countsAnUnrecoveredDrawdownUntilTheLastPoint() {
        List<EquityPoint> curve = daily(100_000_00, 120_000_00, 96_000_00, 108_000_00);

        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(curve, List.of(), 0, 0);

        assertThat(metrics.maxDrawdown()).isEqualTo(0.2);
        assertThat(metrics.maxDrawdownDuration()).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void reportsTheLongestDrawdownEvenWhenAnotherIsDeeper() {
        // day 0-1: a 50% fall recovered in a day; day 2-6: a 10% fall that takes four days
        List<EquityPoint> curve = daily(100, 50, 100, 90, 90, 90, 100);

        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(curve, List.of(), 0, 0);

        assertThat(metrics.maxDrawdown()).isEqualTo(0.5);
        assertThat(metrics.maxDrawdownDuration()).isEqualTo(Duration.ofDays(4));
    }

    @Test
    void seesAnIntradayTroughThatDailyClosesHide() {
        List<EquityPoint> curve = List.of(
                new EquityPoint(at(0, 9, 15), 100_000, 0),
                new EquityPoint(at(0, 11, 0), 80_000, 0),
                new EquityPoint(at(0, 15, 30), 100_000, 0));

        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(curve, List.of(), 0, 0);

        assertThat(metrics.maxDrawdown()).isEqualTo(0.2);
        assertThat(metrics.maxDrawdownDuration()).isEqualTo(Duration.ofMinutes(375));
        assertThat(metrics.annualVolatility()).isZero();
    }

    @Test
    void computesSharpeSortinoAndVolatilityOfAKnownReturnSequence() {
        // daily returns +10%, -10%, +10%
        List<EquityPoint> curve = daily(100_000, 110_000, 99_000, 108_900);

        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(curve, List.of(), 0, 0);

        // mean = 1/30; deviations 1/15, -2/15, 1/15; sample variance = (6/225) / 2 = 1/75
        // sharpe = (1/30) / sqrt(1/75) * sqrt(252) = sqrt(75 * 252) / 30
        assertThat(metrics.sharpe()).isCloseTo(Math.sqrt(18_900) / 30, within(1e-9));
        // downside deviation = sqrt(0.01 / 3) = sqrt(1/300); sortino = sqrt(300 * 252) / 30
        assertThat(metrics.sortino()).isCloseTo(Math.sqrt(75_600) / 30, within(1e-9));
        assertThat(metrics.annualVolatility()).isCloseTo(Math.sqrt(252.0 / 75), within(1e-9));
    }

    @Test
    void subtractsTheDailyRiskFreeRateFromEachReturn() {
        List<EquityPoint> curve = daily(100_000, 110_000, 99_000, 108_900);
        // the annual rate whose daily equivalent is 1%
        double annual = Math.pow(1.01, 252) - 1;

        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(curve, List.of(), 0, annual);

        // excess returns 0.09, -0.11, 0.09: mean = 0.07/3; sd unchanged at sqrt(1/75)
        assertThat(metrics.sharpe()).isCloseTo((0.07 / 3) / Math.sqrt(1.0 / 75) * Math.sqrt(252), within(1e-9));
        // downside deviation = sqrt(0.0121 / 3)
        assertThat(metrics.sortino()).isCloseTo((0.07 / 3) / Math.sqrt(0.0121 / 3) * Math.sqrt(252), within(1e-9));
    }

    @Test
    void resamplesIntradayBarsToDailyClosesSoBarSizeDoesNotChangeTheRatios() {
        List<EquityPoint> daily = daily(100_000, 110_000, 99_000, 108_900);
        List<EquityPoint> intraday = List.of(
                new EquityPoint(close(0), 100_000, 0),
                new EquityPoint(at(1, 9, 15), 104_000, 0),
                new EquityPoint(at(1, 12, 0), 96_000, 0),
                new EquityPoint(close(1), 110_000, 0),
                new EquityPoint(at(2, 10, 0), 115_000, 0),
                new EquityPoint(close(2), 99_000, 0),
                new EquityPoint(at(3, 9, 15), 100_000, 0),
                new EquityPoint(close(3), 108_900, 0));

        PerformanceMetrics fromDaily = PerformanceAnalyzer.analyze(daily, List.of(), 0, 0.065);
        PerformanceMetrics fromIntraday = PerformanceAnalyzer.analyze(intraday, List.of(), 0, 0.065);

        assertThat(fromIntraday.sharpe()).isEqualTo(fromDaily.sharpe());
        assertThat(fromIntraday.sortino()).isEqualTo(fromDaily.sortino());
        assertThat(fromIntraday.annualVolatility()).isEqualTo(fromDaily.annualVolatility());
        assertThat(fromIntraday.maxDrawdown()).isGreaterThan(fromDaily.maxDrawdown());
    }

    @Test
    void cagrCompoundsOverCalendarYearsOf365AndAQuarterDays() {
        Instant start = Instant.parse("2022-01-03T10:00:00Z");
        Instant twoYearsLater = start.plusSeconds(2 * 36_525 * 864); // 2 * 365.25 days
        List<EquityPoint> curve = List.of(new EquityPoint(start, 100_000, 0),
                new EquityPoint(twoYearsLater, 121_000, 0));

        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(curve, List.of(), 0, 0);

        // 1.21^(1/2) - 1
        assertThat(metrics.cagr()).isCloseTo(0.1, within(EXACT));
        assertThat(metrics.calmar()).isZero();
    }

    @Test
    void cagrOfASpanUnderADayIsTheTotalReturn() {
        List<EquityPoint> curve = List.of(new EquityPoint(at(0, 9, 15), 100_000, 0),
                new EquityPoint(at(0, 15, 30), 105_000, 0));

        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(curve, List.of(), 0, 0);

        assertThat(metrics.cagr()).isEqualTo(metrics.totalReturn()).isCloseTo(0.05, within(EXACT));
    }

    @Test
    void calmarDividesCagrByMaxDrawdown() {
        List<EquityPoint> curve = daily(100_000_00, 120_000_00, 96_000_00, 108_000_00, 120_000_00);

        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(curve, List.of(), 0, 0);

        double years = 4 / 365.25;
        double cagr = Math.pow(1.2, 1 / years) - 1;
        assertThat(metrics.cagr()).isCloseTo(cagr, within(cagr * 1e-12));
        assertThat(metrics.calmar()).isCloseTo(cagr / 0.2, within(cagr * 1e-12));
    }

    @Test
    void cagrOfARuinedAccountIsMinusOne() {
        List<EquityPoint> curve = daily(100_000, 50_000, -10_000);

        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(curve, List.of(), 0, 0);

        assertThat(metrics.cagr()).isEqualTo(-1);
        assertThat(metrics.maxDrawdown()).isEqualTo(1.1);
        assertThat(metrics.totalReturn()).isCloseTo(-1.1, within(EXACT));
    }

    @Test
    void capsTheCagrOfAnExplosiveShortSpanInsteadOfOverflowing() {
        List<EquityPoint> curve = daily(100, 1_000);

        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(curve, List.of(), 0, 0);

        assertThat(metrics.cagr()).isEqualTo(Double.MAX_VALUE);
    }

    @Test
    void computesWinRateProfitFactorAndAveragesOnNetPnl() {
        List<RoundTrip> trades = List.of(trade(300), trade(-100), trade(500), trade(0), trade(-200));

        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(daily(100_000), trades, 1_234, 0);

        assertThat(metrics.numberOfTrades()).isEqualTo(5);
        assertThat(metrics.winRate()).isEqualTo(0.4);
        assertThat(metrics.profitFactor()).isEqualTo(800.0 / 300);
        assertThat(metrics.averageWinPaise()).isEqualTo(400);
        assertThat(metrics.averageLossPaise()).isEqualTo(-150);
        assertThat(metrics.totalChargesPaise()).isEqualTo(1_234);
    }

    @Test
    void countsATradeThatOnlyCoversItsChargesAsALoss() {
        // gross +₹1.00, charges ₹1.50: net -₹0.50
        RoundTrip trade = RoundTrip.of(INFY, Side.BUY, 1, close(0), 150_000, close(1), 150_100, 150);

        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(daily(100_000), List.of(trade), 150, 0);

        assertThat(metrics.winRate()).isZero();
        assertThat(metrics.averageLossPaise()).isEqualTo(-50);
    }

    @Test
    void definesTradeStatisticsWithoutTrades() {
        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(daily(100_000, 101_000), List.of(), 0, 0);

        assertThat(metrics.numberOfTrades()).isZero();
        assertThat(metrics.winRate()).isZero();
        assertThat(metrics.profitFactor()).isZero();
        assertThat(metrics.averageWinPaise()).isZero();
        assertThat(metrics.averageLossPaise()).isZero();
    }

    @Test
    void profitFactorIsInfiniteWithWinsAndNoLosses() {
        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(daily(100_000), List.of(trade(10), trade(0)), 0, 0);

        assertThat(metrics.profitFactor()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(metrics.winRate()).isEqualTo(0.5);
    }

    @Test
    void profitFactorIsZeroWithLossesAndNoWins() {
        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(daily(100_000), List.of(trade(-10)), 0, 0);

        assertThat(metrics.profitFactor()).isZero();
    }

    @Test
    void exposureIsTheFractionOfBarTimesWithOpenPositions() {
        List<EquityPoint> curve = List.of(
                new EquityPoint(close(0), 100_000, 0),
                new EquityPoint(close(1), 100_000, 50_000),
                new EquityPoint(close(2), 100_000, 20_000),
                new EquityPoint(close(3), 100_000, 0));

        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(curve, List.of(), 0, 0);

        assertThat(metrics.exposure()).isEqualTo(0.5);
    }

    @Test
    void aOnePointCurveHasZeroReturnsAndRatios() {
        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(daily(100_000), List.of(), 0, 0.065);

        assertThat(metrics.totalReturn()).isZero();
        assertThat(metrics.cagr()).isZero();
        assertThat(metrics.annualVolatility()).isZero();
        assertThat(metrics.sharpe()).isZero();
        assertThat(metrics.sortino()).isZero();
        assertThat(metrics.maxDrawdown()).isZero();
        assertThat(metrics.maxDrawdownDuration()).isEqualTo(Duration.ZERO);
        assertThat(metrics.calmar()).isZero();
        assertThat(metrics.exposure()).isZero();
    }

    @Test
    void aConstantReturnHasZeroVolatilityAndSharpe() {
        // +1% every day; the floating-point mean of the returns is not exactly 0.01
        List<EquityPoint> curve = daily(1_000_000, 1_010_000, 1_020_100, 1_030_301);

        PerformanceMetrics metrics = PerformanceAnalyzer.analyze(curve, List.of(), 0, 0);

        assertThat(metrics.annualVolatility()).isZero();
        assertThat(metrics.sharpe()).isZero();
        assertThat(metrics.sortino()).isZero();
    }

    @Test
    void rejectsAnEmptyUnorderedOrNonPositiveStartingCurve() {
        assertThatThrownBy(() -> PerformanceAnalyzer.analyze(List.of(), List.of(), 0, 0))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> PerformanceAnalyzer.analyze(List.of(
                new EquityPoint(close(1), 100, 0), new EquityPoint(close(0), 100, 0)), List.of(), 0, 0))
                .hasMessageContaining("order");
        assertThatThrownBy(() -> PerformanceAnalyzer.analyze(daily(0, 100), List.of(), 0, 0))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> PerformanceAnalyzer.analyze(daily(100), List.of(), 0, Double.NaN))
                .hasMessageContaining("risk-free");
    }

    private static RoundTrip trade(long netPaise) {
        long charges = 20;
        long gross = netPaise + charges;
        return new RoundTrip(INFY, Side.BUY, 10, close(0), 150_000, close(1), 150_000 + gross / 10,
                gross, charges, netPaise);
    }
}
