package com.quantdesk.sim.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.NseCalendar;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticMarketTest {

    private static final Symbol RELIANCE = Symbol.of("RELIANCE");
    private static final Symbol INFY = Symbol.of("INFY");
    private static final Symbol TCS = Symbol.of("TCS");
    private static final Symbol MADEUP = Symbol.of("MADEUP");
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 12, 31);

    private static final SyntheticMarketConfig DAILY = SyntheticMarketConfig.defaults(List.of(RELIANCE, INFY), FROM, TO);
    private static final SyntheticMarketConfig FIVE_MINUTE = DAILY.withBarSize(Duration.ofMinutes(5));

    /** SHA-256 over every field of every bar, in order. */
    private static String hash(Map<Symbol, List<Bar>> market) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            market.values().stream().flatMap(Collection::stream).forEach(bar -> {
                digest.update(bar.symbol().value().getBytes(StandardCharsets.UTF_8));
                digest.update(ByteBuffer.allocate(Long.BYTES * 7)
                        .putLong(bar.time().getEpochSecond()).putLong(bar.time().getNano())
                        .putLong(bar.open()).putLong(bar.high()).putLong(bar.low()).putLong(bar.close())
                        .putLong(bar.volume()).array());
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sameSeedAndConfigGiveIdenticalBars() {
        assertThat(hash(new SyntheticMarket(FIVE_MINUTE).generate()))
                .isEqualTo(hash(new SyntheticMarket(FIVE_MINUTE).generate()));
        assertThat(new SyntheticMarket(DAILY).generate()).isEqualTo(new SyntheticMarket(DAILY).generate());
    }

    @Test
    void differentSeedsGiveDifferentBars() {
        assertThat(hash(new SyntheticMarket(DAILY.withSeed(43)).generate()))
                .isNotEqualTo(hash(new SyntheticMarket(DAILY).generate()));
    }

    /**
     * Pins the generator's output so a JVM, platform or code change that alters the bars fails here.
     * Update the hashes only when the model is changed on purpose, and say so in the commit.
     */
    @Test
    void generatesTheSameBarsOnEveryMachine() {
        assertThat(hash(new SyntheticMarket(DAILY).generate())).isEqualTo("a71d4a3f468907d3207ee7d0882ffca2b0468b09453fff33465284751732fc68");
        assertThat(hash(new SyntheticMarket(FIVE_MINUTE.withSymbols(List.of(TCS))).generate()))
                .isEqualTo("bcf3d4f51a446640e715f3889a2f459c723f89c8e52322c007ae9f0424a190eb");
    }

    @Test
    void addingASymbolLeavesTheOthersUnchanged() {
        Map<Symbol, List<Bar>> two = new SyntheticMarket(FIVE_MINUTE).generate();
        Map<Symbol, List<Bar>> four = new SyntheticMarket(FIVE_MINUTE.withSymbols(List.of(TCS, INFY, MADEUP, RELIANCE)))
                .generate();

        assertThat(four.get(RELIANCE)).isEqualTo(two.get(RELIANCE));
        assertThat(four.get(INFY)).isEqualTo(two.get(INFY));
        assertThat(four.keySet()).containsExactly(TCS, INFY, MADEUP, RELIANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT24H", "PT1M", "PT5M", "PT15M", "PT1H", "PT375M"})
    void barsAreValidOnTickInSessionOnTradingDaysAndStrictlyIncreasing(String barSize) {
        NseCalendar calendar = NseCalendar.weekdays().withHolidays(Set.of(LocalDate.of(2024, 3, 25)));
        SyntheticMarketConfig config = SyntheticMarketConfig.defaults(List.of(RELIANCE, INFY, MADEUP),
                        LocalDate.of(2024, 3, 1), LocalDate.of(2024, 4, 30))
                .withBarSize(Duration.parse(barSize))
                .withCalendar(calendar);
        SyntheticMarket market = new SyntheticMarket(config);

        market.generate().forEach((symbol, bars) -> {
            Instrument instrument = market.instruments().get(symbol);
            assertThat(bars).isNotEmpty().allSatisfy(bar -> {
                assertThat(bar.symbol()).isEqualTo(symbol);
                assertThat(bar.low()).isPositive().isLessThanOrEqualTo(Math.min(bar.open(), bar.close()));
                assertThat(bar.high()).isGreaterThanOrEqualTo(Math.max(bar.open(), bar.close()));
                assertThat(List.of(bar.open(), bar.high(), bar.low(), bar.close())).allMatch(instrument::isOnTick);
                assertThat(calendar.isInSession(bar.time())).as("%s in session", bar.time()).isTrue();
                assertThat(bar.volume()).isNotNegative();
            });
            for (int i = 1; i < bars.size(); i++) {
                assertThat(bars.get(i).time()).isAfter(bars.get(i - 1).time());
            }
            assertThat(bars.stream().map(bar -> bar.time().atZone(NseCalendar.IST).toLocalDate()).distinct())
                    .containsExactlyElementsOf(calendar.tradingDays(config.from(), config.to()));
        });
    }

    @Test
    void fiveMinuteBarsGiveSeventyFivePerDayFrom0915To1525() {
        List<Bar> bars = new SyntheticMarket(FIVE_MINUTE).bars(RELIANCE);

        Map<LocalDate, List<LocalTime>> byDay = bars.stream().collect(Collectors.groupingBy(
                bar -> bar.time().atZone(NseCalendar.IST).toLocalDate(),
                Collectors.mapping(bar -> bar.time().atZone(NseCalendar.IST).toLocalTime(), Collectors.toList())));

        assertThat(byDay).hasSize(NseCalendar.weekdays().tradingDays(FROM, TO).size());
        assertThat(byDay.values()).allSatisfy(times -> {
            assertThat(times).hasSize(75);
            assertThat(times.getFirst()).isEqualTo(LocalTime.of(9, 15));
            assertThat(times.getLast()).isEqualTo(LocalTime.of(15, 25));
        });
    }

    @Test
    void hourlyBarsEndWithTheShort1515Bar() {
        List<Bar> day = new SyntheticMarket(DAILY.withBarSize(Duration.ofHours(1))
                .withSymbols(List.of(RELIANCE))).bars(RELIANCE).subList(0, 7);

        assertThat(day).extracting(bar -> bar.time().atZone(NseCalendar.IST).toLocalTime().toString())
                .containsExactly("09:15", "10:15", "11:15", "12:15", "13:15", "14:15", "15:15");
    }

    @Test
    void dailyBarsAreStamped0915OnEachTradingDay() {
        List<Bar> bars = new SyntheticMarket(DAILY).bars(INFY);

        assertThat(bars).hasSize(NseCalendar.weekdays().tradingDays(FROM, TO).size())
                .allSatisfy(bar -> assertThat(bar.time().atZone(NseCalendar.IST).toLocalTime())
                        .isEqualTo(LocalTime.of(9, 15)));
    }

    @Test
    void intradayVolumeIsUShapedOnAverage() {
        List<Bar> bars = new SyntheticMarket(FIVE_MINUTE).bars(INFY);
        double[] meanBySlot = new double[75];
        for (int i = 0; i < bars.size(); i++) {
            meanBySlot[i % 75] += bars.get(i).volume() / (bars.size() / 75.0);
        }

        double open = (meanBySlot[0] + meanBySlot[1] + meanBySlot[2]) / 3;
        double middle = Arrays.stream(meanBySlot, 30, 45).average().orElseThrow();
        double close = (meanBySlot[72] + meanBySlot[73] + meanBySlot[74]) / 3;
        assertThat(open).isGreaterThan(2 * middle);
        assertThat(close).isGreaterThan(2 * middle);
    }

    @Test
    void dailyVolumeIsInTheHundredsOfThousandsToMillions() {
        SyntheticMarketConfig config = DAILY.withSymbols(List.of(RELIANCE, INFY, TCS, MADEUP));

        new SyntheticMarket(config).generate().values().forEach(bars -> {
            double mean = bars.stream().mapToLong(Bar::volume).average().orElseThrow();
            assertThat(mean).isBetween(200_000.0, 8_000_000.0);
            assertThat(bars).allSatisfy(bar -> assertThat(bar.volume()).isBetween(50_000L, 30_000_000L));
        });
    }

    @Test
    void realisedVolatilityIsNearTheConfiguredOne() {
        SyntheticMarketConfig config = SyntheticMarketConfig.defaults(List.of(RELIANCE, INFY, TCS, MADEUP),
                LocalDate.of(2010, 1, 1), LocalDate.of(2019, 12, 31));
        double variance = new SyntheticMarket(config).generate().values().stream()
                .mapToDouble(SyntheticMarketTest::annualisedVariance).average().orElseThrow();

        // Diffusion 0.25² plus jumps 3 × 0.05² gives an annual volatility of about 0.265.
        assertThat(Math.sqrt(variance)).isBetween(0.23, 0.30);
    }

    private static double annualisedVariance(List<Bar> bars) {
        double[] returns = new double[bars.size() - 1];
        for (int i = 1; i < bars.size(); i++) {
            returns[i - 1] = Math.log((double) bars.get(i).close() / bars.get(i - 1).close());
        }
        double mean = Arrays.stream(returns).average().orElseThrow();
        double sumSquares = Arrays.stream(returns).map(r -> (r - mean) * (r - mean)).sum();
        return sumSquares / (returns.length - 1) * 252;
    }

    @Test
    void instrumentsHaveNifty50SectorsAndTheTickOfTheStartPrice() {
        SyntheticMarket market = new SyntheticMarket(DAILY.withSymbols(List.of(RELIANCE, MADEUP)));
        InstrumentMaster instruments = market.instruments();

        assertThat(instruments.get(RELIANCE).sector()).isEqualTo("Oil Gas & Consumable Fuels");
        assertThat(instruments.get(MADEUP).sector()).isEqualTo("Unknown");
        assertThat(instruments.all()).hasSize(2);
        market.generate().forEach((symbol, bars) -> {
            long start = bars.getFirst().open();
            assertThat(start).isBetween(100_00L, 5_000_00L);
            assertThat(instruments.get(symbol).tickSizePaise()).isEqualTo(Instrument.nseTickFor(start));
        });
    }

    @Test
    void startPricesSpreadAcrossTheRange() {
        List<Symbol> symbols = InstrumentMaster.nifty50().all().stream().map(Instrument::symbol).toList();
        SyntheticMarketConfig config = SyntheticMarketConfig.defaults(symbols, FROM, FROM.plusDays(1));

        List<Long> starts = new SyntheticMarket(config).generate().values().stream()
                .map(bars -> bars.getFirst().open()).toList();

        assertThat(starts).anyMatch(price -> price < 250_00).anyMatch(price -> price > 1_000_00);
    }

    @Test
    void rejectsASymbolOutsideTheConfiguration() {
        assertThatThrownBy(() -> new SyntheticMarket(DAILY).bars(TCS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("symbol TCS is not in the configuration");
    }

    @Test
    void givesNoBarsWhenTheRangeHasNoTradingDay() {
        SyntheticMarketConfig weekend = SyntheticMarketConfig.defaults(List.of(RELIANCE),
                LocalDate.of(2024, 1, 6), LocalDate.of(2024, 1, 7));

        assertThat(new SyntheticMarket(weekend).bars(RELIANCE)).isEmpty();
    }

    @Test
    void configRejectsNonsense() {
        assertThatThrownBy(() -> DAILY.withBarSize(Duration.ofSeconds(90)))
                .hasMessage("barSize must be one day or 1 to 375 whole minutes, was PT1M30S");
        assertThatThrownBy(() -> DAILY.withBarSize(Duration.ofMinutes(376)))
                .hasMessage("barSize must be one day or 1 to 375 whole minutes, was PT6H16M");
        assertThatThrownBy(() -> DAILY.withBarSize(Duration.ofDays(2)))
                .hasMessage("barSize must be one day or 1 to 375 whole minutes, was PT48H");
        assertThatThrownBy(() -> DAILY.withSymbols(List.of()))
                .hasMessage("symbols must not be empty");
        assertThatThrownBy(() -> DAILY.withSymbols(List.of(TCS, TCS)))
                .hasMessage("symbols must not repeat: [TCS, TCS]");
        assertThatThrownBy(() -> SyntheticMarketConfig.defaults(List.of(TCS), TO, FROM))
                .hasMessage("from 2024-12-31 is after to 2024-01-01");
        assertThatThrownBy(() -> new SyntheticMarketConfig(1, List.of(TCS), FROM, TO, Duration.ofDays(1), 0.1,
                -0.2, 0, 0, NseCalendar.weekdays()))
                .hasMessage("annualVolatility must be finite and not negative, was -0.2");
        assertThatThrownBy(() -> new SyntheticMarketConfig(1, List.of(TCS), FROM, TO, Duration.ofDays(1),
                Double.NaN, 0.2, 0, 0, NseCalendar.weekdays()))
                .hasMessage("annualDrift must be finite, was NaN");
    }
}
