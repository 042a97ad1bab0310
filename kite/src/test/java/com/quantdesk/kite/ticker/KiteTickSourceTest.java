package com.quantdesk.kite.ticker;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.market.Tick;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KiteTickSourceTest {

    private static final Instant NOW = Instant.parse("2026-12-03T04:00:00Z");
    private static final Instant EXCHANGE_TIME = Instant.parse("2026-12-03T03:59:58Z");
    private static final long INFY = 408065;
    private static final long USDINR = 0x0001_2303L; // low byte 3: CDS
    private static final long NIFTY = 256265;

    private final KiteTickSource source = new KiteTickSource(
            Map.of(INFY, Symbol.of("INFY"), USDINR, Symbol.of("USDINR"), NIFTY, Symbol.of("NIFTY_50")),
            InstantSource.fixed(NOW));

    @Test
    void sizesTicksByTheGrowthOfTheDaysVolume() {
        source.onPackets(List.of(quote(INFY, 157370, 1_000), quote(INFY, 157380, 1_250), quote(INFY, 157380, 1_250)));

        assertThat(source.poll()).containsExactly(
                new Tick(Symbol.of("INFY"), NOW, 157370, 0),
                new Tick(Symbol.of("INFY"), NOW, 157380, 250),
                new Tick(Symbol.of("INFY"), NOW, 157380, 0));
        assertThat(source.poll()).isEmpty();
    }

    @Test
    void startsAgainWhenTheVolumeRestarts() {
        source.onPackets(List.of(quote(INFY, 100, 5_000), quote(INFY, 101, 10)));

        assertThat(source.poll()).extracting(Tick::size).containsExactly(0L, 0L);
    }

    @Test
    void dropsInstrumentsNotMapped() {
        source.onPackets(List.of(new TickerPacket.Ltp(884737, 100), new TickerPacket.Ltp(INFY, 157370)));

        assertThat(source.poll()).containsExactly(new Tick(Symbol.of("INFY"), NOW, 157370, 0));
    }

    @Test
    void timesAFullPacketByItsExchangeTimestamp() {
        TickerPacket.Full full = new TickerPacket.Full(quote(INFY, 157370, 10), Instant.EPOCH, 0, 0, 0,
                EXCHANGE_TIME, new Depth(List.of(), List.of()));
        TickerPacket.Full onlyTradeTime = new TickerPacket.Full(quote(INFY, 157370, 12), EXCHANGE_TIME, 0, 0, 0,
                Instant.EPOCH, new Depth(List.of(), List.of()));

        source.onPackets(List.of(full, onlyTradeTime));

        assertThat(source.poll()).extracting(Tick::time).containsExactly(EXCHANGE_TIME, EXCHANGE_TIME);
    }

    @Test
    void convertsSegmentPricesToPaise() {
        TickerPacket.IndexQuote index = new TickerPacket.IndexQuote(NIFTY, 2_450_010, new Ohlc(0, 0, 0, 0), 0);

        source.onPackets(List.of(new TickerPacket.Ltp(USDINR, 834_567_500), index,
                new TickerPacket.IndexFull(index, EXCHANGE_TIME)));

        assertThat(source.poll()).containsExactly(
                new Tick(Symbol.of("USDINR"), NOW, 83_46, 0), // 83.45675 rupees, half-even to 8346 paise
                new Tick(Symbol.of("NIFTY_50"), NOW, 2_450_010, 0),
                new Tick(Symbol.of("NIFTY_50"), EXCHANGE_TIME, 2_450_010, 0));
    }

    private static TickerPacket.Quote quote(long token, long price, long volume) {
        return new TickerPacket.Quote(token, price, 1, price, volume, 0, 0, new Ohlc(price, price, price, price));
    }
}
