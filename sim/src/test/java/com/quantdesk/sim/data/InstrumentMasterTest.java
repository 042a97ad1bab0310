package com.quantdesk.sim.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.domain.Exchange;
import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Symbol;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstrumentMasterTest {

    private static final Symbol RELIANCE = Symbol.of("RELIANCE");

    @Test
    void nifty50HoldsFiftyNseEquitiesWithSectors() {
        InstrumentMaster master = InstrumentMaster.nifty50();

        assertThat(master.size()).isEqualTo(50);
        assertThat(master.all()).hasSize(50)
                .allSatisfy(instrument -> {
                    assertThat(instrument.exchange()).isEqualTo(Exchange.NSE);
                    assertThat(instrument.lotSize()).isEqualTo(1);
                    assertThat(instrument.tickSizePaise()).isEqualTo(InstrumentMaster.DEFAULT_TICK_PAISE);
                    assertThat(instrument.sector()).isNotBlank();
                });
        assertThat(master.get(RELIANCE).sector()).isEqualTo("Oil Gas & Consumable Fuels");
        assertThat(master.get(Symbol.of("M&M")).sector()).isEqualTo("Automobile and Auto Components");
        assertThat(master.get(Symbol.of("BAJAJ-AUTO")).sector()).isEqualTo("Automobile and Auto Components");
    }

    @Test
    void allIsOrderedBySymbol() {
        List<Symbol> symbols = InstrumentMaster.nifty50().all().stream().map(Instrument::symbol).toList();

        assertThat(symbols).isSorted().first().isEqualTo(Symbol.of("ADANIENT"));
    }

    @Test
    void getRejectsUnknownSymbolAndFindReturnsEmpty() {
        InstrumentMaster master = InstrumentMaster.nifty50();

        assertThatThrownBy(() -> master.get(Symbol.of("ZOMATO")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown symbol ZOMATO");
        assertThat(master.find(Symbol.of("ZOMATO"))).isEmpty();
        assertThat(master.find(RELIANCE)).contains(master.get(RELIANCE));
    }

    @Test
    void referencePricesSetNseTicks() {
        InstrumentMaster master = InstrumentMaster.nifty50(Map.of(
                RELIANCE, 1_412_30L,
                Symbol.of("ITC"), 412_55L,
                Symbol.of("TATASTEEL"), 152_37L,
                Symbol.of("MARUTI"), 12_512_00L));

        assertThat(master.get(RELIANCE).tickSizePaise()).isEqualTo(10);
        assertThat(master.get(Symbol.of("ITC")).tickSizePaise()).isEqualTo(5);
        assertThat(master.get(Symbol.of("TATASTEEL")).tickSizePaise()).isEqualTo(1);
        assertThat(master.get(Symbol.of("MARUTI")).tickSizePaise()).isEqualTo(100);
        assertThat(master.get(Symbol.of("TCS")).tickSizePaise()).isEqualTo(InstrumentMaster.DEFAULT_TICK_PAISE);
        assertThat(master.get(RELIANCE).sector()).isEqualTo("Oil Gas & Consumable Fuels");
    }

    @Test
    void referencePricesMustBeForKnownSymbolsAndPositive() {
        InstrumentMaster master = InstrumentMaster.nifty50();

        assertThatThrownBy(() -> master.withReferencePrices(Map.of(Symbol.of("ZOMATO"), 200_00L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown symbol ZOMATO");
        assertThatThrownBy(() -> master.withReferencePrices(Map.of(RELIANCE, 0L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("reference price for RELIANCE must be positive, was 0");
    }

    @Test
    void orDefaultBuildsAnUnknownSectorInstrumentWithTheNseTick() {
        InstrumentMaster master = InstrumentMaster.nifty50();

        Instrument unknown = master.orDefault(Symbol.of("IRCTC"), 745_60);

        assertThat(unknown).isEqualTo(new Instrument(Symbol.of("IRCTC"), Exchange.NSE, 5, 1, "Unknown"));
        assertThat(master.orDefault(Symbol.of("PENNY"), 12_34).tickSizePaise()).isEqualTo(1);
        assertThat(master.orDefault(RELIANCE, 1)).isEqualTo(master.get(RELIANCE));
    }

    @Test
    void ofRejectsDuplicateSymbols() {
        Instrument one = Instrument.nseEquity("ABC", 5, "Unknown");

        assertThatThrownBy(() -> InstrumentMaster.of(List.of(one, one)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate symbol ABC");
    }
}
