package com.quantdesk.backtest.report;

import static com.quantdesk.core.testing.Generators.anyLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import com.quantdesk.core.domain.Paise;
import org.junit.jupiter.api.Test;

class RupeeFormatTest {

    @Test
    void groupsLakhsAndCroresTheIndianWay() {
        assertThat(RupeeFormat.format(1_234_567_89)).isEqualTo("₹12,34,567.89");
        assertThat(RupeeFormat.format(10_00_000_00)).isEqualTo("₹10,00,000.00");
        assertThat(RupeeFormat.format(1_23_45_67_890_12L)).isEqualTo("₹1,23,45,67,890.12");
        assertThat(RupeeFormat.format(99_999_99)).isEqualTo("₹99,999.99");
        assertThat(RupeeFormat.format(1_000_00)).isEqualTo("₹1,000.00");
        assertThat(RupeeFormat.format(999_00)).isEqualTo("₹999.00");
    }

    @Test
    void padsPaiseBelowOneRupee() {
        assertThat(RupeeFormat.format(0)).isEqualTo("₹0.00");
        assertThat(RupeeFormat.format(5)).isEqualTo("₹0.05");
        assertThat(RupeeFormat.format(50)).isEqualTo("₹0.50");
    }

    @Test
    void putsTheMinusSignBeforeTheRupeeSign() {
        assertThat(RupeeFormat.format(-1_234_567_89)).isEqualTo("-₹12,34,567.89");
        assertThat(RupeeFormat.format(-5)).isEqualTo("-₹0.05");
    }

    @Test
    void formatsTheExtremesOfALong() {
        assertThat(RupeeFormat.format(Long.MAX_VALUE)).isEqualTo("₹92,23,37,20,36,85,47,758.07");
        assertThat(RupeeFormat.format(Long.MIN_VALUE)).isEqualTo("-₹92,23,37,20,36,85,47,758.08");
    }

    @Test
    void roundsToWholeRupeesHalfEven() {
        assertThat(RupeeFormat.formatWhole(1_234_567_89)).isEqualTo("₹12,34,568");
        assertThat(RupeeFormat.formatWhole(250)).isEqualTo("₹2");
        assertThat(RupeeFormat.formatWhole(350)).isEqualTo("₹4");
        assertThat(RupeeFormat.formatWhole(-10_00_000_00)).isEqualTo("-₹10,00,000");
        assertThat(RupeeFormat.formatWhole(0)).isEqualTo("₹0");
    }

    @Test
    void removingTheGroupingGivesBackThePlainAmount() {
        qt().withExamples(1_000).forAll(anyLong()).checkAssert(paise -> {
            String formatted = RupeeFormat.format(paise);

            assertThat(formatted.replace(",", "").replace("₹", "")).isEqualTo(Paise.format(paise));
            assertThat(formatted).doesNotContain(",,").doesNotContain(",.");
            assertThat(formatted.split("\\.")[0]).matches("-?₹\\d{1,2}(,\\d\\d)*,\\d{3}|-?₹\\d{1,3}");
        });
    }
}
