package com.quantdesk.kite.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.quantdesk.core.domain.Paise;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class KitePricesTest {

    private static final ObjectMapper JSON = KiteJson.mapper();

    private static JsonNode price(String literal) throws Exception {
        return JSON.readTree("{\"last_price\":" + literal + "}");
    }

    @Test
    void fractionalNumbersAreReadAsDecimalsNotDoubles() throws Exception {
        assertThat(price("1520.05").get("last_price").isBigDecimal()).isTrue();
        assertThat(KiteJson.paise(price("92233720368547758.07"), "last_price")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void decimalsThatDoublesCannotHoldParseExactly() throws Exception {
        assertThat(KiteJson.paise(price("1520.05"), "last_price")).isEqualTo(152_005);
        assertThat(KiteJson.paise(price("0.29"), "last_price")).isEqualTo(29);
        assertThat(KiteJson.paise(price("4.35"), "last_price")).isEqualTo(435);
        assertThat(KiteJson.paise(price("1573.7"), "last_price")).isEqualTo(157_370);
        assertThat(KiteJson.paise(price("25000"), "last_price")).isEqualTo(2_500_000);
        assertThat(KiteJson.paise(price("-0.05"), "last_price")).isEqualTo(-5);
        assertThat(KiteJson.paise(price("1.5e3"), "last_price")).isEqualTo(150_000);
    }

    @Test
    void averagePricesBeyondAPaisaRoundHalfEvenOnce() throws Exception {
        assertThat(KiteJson.paise(price("1570.3725"), "last_price")).isEqualTo(157_037);
        assertThat(KiteJson.paise(price("1570.375"), "last_price")).isEqualTo(157_038);
        assertThat(KiteJson.paise(price("1570.365"), "last_price")).isEqualTo(157_036);
    }

    @Test
    void everyPaiseValueSurvivesTheTripThroughKitesDecimalText() {
        qt().forAll(longs().between(-1_000_000_000_000_000_000L, 1_000_000_000_000_000_000L)).checkAssert(paise -> {
            String rupees = Paise.format(paise);
            String trimmed = rupees.replaceAll("0+$", "").replaceAll("\\.$", "");
            try {
                assertThat(KiteJson.paise(price(rupees), "last_price")).isEqualTo(paise);
                assertThat(KiteJson.paise(price(trimmed), "last_price")).isEqualTo(paise);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            assertThat(KiteJson.paise(trimmed)).isEqualTo(paise);
        });
    }

    @Test
    void timestampsAreIst() {
        assertThat(KiteJson.parseTimestamp("2026-12-03 09:15:00")).isEqualTo(Instant.parse("2026-12-03T03:45:00Z"));
        assertThat(KiteJson.formatTimestamp(Instant.parse("2026-12-03T03:45:00Z"))).isEqualTo("2026-12-03 09:15:00");
        assertThat(KiteJson.parseCandleTime("2017-12-15T09:15:00+0530")).isEqualTo(Instant.parse("2017-12-15T03:45:00Z"));
    }
}
