package com.quantdesk.core.strategy.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.strategy.StrategyCatalog;
import com.quantdesk.core.strategy.StrategyParameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameter errors of the built-in strategies name the parameter at fault. */
class BuiltInStrategyParametersTest {

    @Test
    void rejectsAFastAverageThatIsNotFasterThanTheSlowOne() {
        assertThatThrownBy(() -> SmaCrossStrategy.DESCRIPTOR.create(Map.of("fast", "30", "slow", "30")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter fast=30 must be less than slow=30");
        assertThatThrownBy(() -> SmaCrossStrategy.DESCRIPTOR.create(Map.of("fast", "40", "slow", "20")))
                .hasMessage("parameter fast=40 must be less than slow=20");
    }

    @Test
    void rejectsAnOversoldThresholdThatIsNotBelowTheOverboughtOne() {
        assertThatThrownBy(() -> RsiMeanReversionStrategy.DESCRIPTOR.create(
                Map.of("oversold", "70", "overbought", "70")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter oversold=70 must be less than overbought=70");
        assertThatThrownBy(() -> RsiMeanReversionStrategy.DESCRIPTOR.create(
                Map.of("oversold", "80.5", "overbought", "20")))
                .hasMessage("parameter oversold=80.5 must be less than overbought=20");
    }

    @Test
    void rejectsAValueOutsideItsBoundsNamingParameterValueAndBounds() {
        assertThatThrownBy(() -> DonchianBreakoutStrategy.DESCRIPTOR.create(Map.of("entry", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter entry=1 is outside 2..1000");
        assertThatThrownBy(() -> DonchianBreakoutStrategy.DESCRIPTOR.create(Map.of("atrMultiple", "0.25")))
                .hasMessage("parameter atrMultiple=0.25 is outside 0.5..20");
        assertThatThrownBy(() -> SmaCrossStrategy.DESCRIPTOR.create(Map.of("qty", "0")))
                .hasMessage("parameter qty=0 is outside 1..10000000");
        assertThatThrownBy(() -> RsiMeanReversionStrategy.DESCRIPTOR.create(Map.of("overbought", "100")))
                .hasMessage("parameter overbought=100 is outside 1..99");
        assertThatThrownBy(() -> SmaCrossStrategy.DESCRIPTOR.create(Map.of("slow", "NaN")))
                .hasMessage("parameter slow=NaN is outside 2..5000");
    }

    @Test
    void rejectsAnUnknownParameterListingTheKnownOnes() {
        assertThatThrownBy(() -> SmaCrossStrategy.DESCRIPTOR.create(Map.of("fsat", "5")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown parameter 'fsat'; known: fast, slow, qty");
        assertThatThrownBy(() -> DonchianBreakoutStrategy.DESCRIPTOR.create(Map.of("stop", "2")))
                .hasMessage("unknown parameter 'stop'; known: entry, exit, atr, atrMultiple, qty");
    }

    @Test
    void rejectsTextThatIsNotANumberAndFractionsOfWholeNumberParameters() {
        assertThatThrownBy(() -> RsiMeanReversionStrategy.DESCRIPTOR.create(Map.of("qty", "ten")))
                .hasMessage("parameter qty='ten' is not a number");
        assertThatThrownBy(() -> RsiMeanReversionStrategy.DESCRIPTOR.create(Map.of("period", "14.5")))
                .hasMessage("parameter period=14.5 must be a whole number");
    }

    @Test
    void fillsInDefaultsInDeclarationOrder() {
        StrategyParameters sma = StrategyParameters.resolve(SmaCrossStrategy.DESCRIPTOR.parameters(),
                Map.of("qty", " 25 "));
        StrategyParameters donchian = StrategyParameters.defaults(DonchianBreakoutStrategy.DESCRIPTOR.parameters());

        assertThat(sma.toString()).isEqualTo("fast=10, slow=30, qty=25");
        assertThat(donchian.toString()).isEqualTo("entry=20, exit=10, atr=14, atrMultiple=2, qty=10");
        assertThat(RsiMeanReversionStrategy.DESCRIPTOR.create(Map.of())).isInstanceOf(RsiMeanReversionStrategy.class);
    }

    @Test
    void catalogNamesTheBuiltInsAndListsThemWhenANameIsUnknown() {
        StrategyCatalog catalog = StrategyCatalog.builtIns();

        assertThat(catalog.get("donchian-breakout")).isSameAs(DonchianBreakoutStrategy.DESCRIPTOR);
        assertThatThrownBy(() -> catalog.get("macd"))
                .hasMessage("unknown strategy 'macd'; available: sma-cross, rsi-reversion, donchian-breakout");
    }
}
