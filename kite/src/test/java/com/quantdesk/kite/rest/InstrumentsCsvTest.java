package com.quantdesk.kite.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class InstrumentsCsvTest {

    private static final String HEADER = "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,"
            + "strike,tick_size,lot_size,instrument_type,segment,exchange\n";

    @Test
    void parsesEquityFutureOptionAndIndexRows() {
        String csv = HEADER
                + "408065,1594,INFY,INFOSYS,0,,,0.05,1,EQ,NSE,NSE\r\n"
                + "12345678,48225,NIFTY26DEC25000CE,\"NIFTY, 50\",120.5,2026-12-29,25000,0.05,75,CE,NFO-OPT,NFO\n"
                + "256265,1001,NIFTY 50,NIFTY 50,0,,0,0,0,EQ,INDICES,NSE\n";

        assertThat(InstrumentsCsv.parse(csv)).containsExactly(
                new KiteInstrument(408065, 1594, "INFY", "INFOSYS", 0, null, 0, 5, 1, "EQ", "NSE", "NSE"),
                new KiteInstrument(12345678, 48225, "NIFTY26DEC25000CE", "NIFTY, 50", 12_050,
                        LocalDate.of(2026, 12, 29), 2_500_000, 5, 75, "CE", "NFO-OPT", "NFO"),
                new KiteInstrument(256265, 1001, "NIFTY 50", "NIFTY 50", 0, null, 0, 0, 0, "EQ", "INDICES", "NSE"));
    }

    @Test
    void priceBasedTickSizesAreReadNotAssumed() {
        String csv = HEADER + "2885,2885,RELIANCE,RELIANCE INDUSTRIES,1400.1,,,0.1,1,EQ,NSE,NSE\n"
                + "3045,3045,SBIN,STATE BANK,800,,,0.05,1,EQ,NSE,NSE\n"
                + "1,1,MRF,MRF,140000,,,5,1,EQ,NSE,NSE\n";

        assertThat(InstrumentsCsv.parse(csv)).extracting(KiteInstrument::tickSize).containsExactly(10L, 5L, 500L);
    }

    @Test
    void badRowNamesItsLine() {
        String csv = HEADER + "408065,1594,INFY,INFOSYS,0,,,0.05,1,EQ,NSE,NSE\n"
                + "2885,2885,RELIANCE,RELIANCE INDUSTRIES,1400.1,,,zero,1,EQ,NSE,NSE\n";

        assertThatThrownBy(() -> InstrumentsCsv.parse(csv)).isInstanceOf(KiteException.DataException.class)
                .hasMessageContaining("line 3").hasMessageContaining("tick_size").hasMessageContaining("RELIANCE");
    }

    @Test
    void shortRowAndBadDateNameTheirLines() {
        assertThatThrownBy(() -> InstrumentsCsv.parse(HEADER + "408065,1594,INFY\n"))
                .isInstanceOf(KiteException.DataException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> InstrumentsCsv.parse(HEADER + "\n1,1,X,X,0,2026-13-01,,0.05,1,FUT,NFO-FUT,NFO\n"))
                .isInstanceOf(KiteException.DataException.class).hasMessageContaining("line 3");
    }

    @Test
    void subPaisaTickIsABadRowNotARoundedOne() {
        assertThatThrownBy(() -> InstrumentsCsv.parse(HEADER + "1,1,USDINR26DECFUT,USDINR,84.1,2026-12-29,,0.0025,1,"
                + "FUT,CDS-FUT,CDS\n")).isInstanceOf(KiteException.DataException.class)
                .hasMessageContaining("line 2").hasMessageContaining("0.0025");
    }

    @Test
    void missingColumnIsReportedOnTheHeaderLine() {
        assertThatThrownBy(() -> InstrumentsCsv.parse("instrument_token,tradingsymbol\n1,INFY\n"))
                .isInstanceOf(KiteException.DataException.class).hasMessageContaining("line 1")
                .hasMessageContaining("exchange_token");
    }
}
