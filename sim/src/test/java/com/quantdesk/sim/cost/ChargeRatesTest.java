package com.quantdesk.sim.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.domain.Product;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ChargeRatesTest {

    private static final ProductRates FREE = new ProductRates(
            BigDecimal.ZERO, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    @Test
    void zerodhaNseHoldsTheDocumentedRatesExactly() {
        ChargeRates rates = ChargeRates.zerodhaNse();

        assertThat(rates.intraday()).isEqualTo(new ProductRates(
                new BigDecimal("0.0003"), 2000, BigDecimal.ZERO, new BigDecimal("0.00025"), new BigDecimal("0.00003")));
        assertThat(rates.delivery()).isEqualTo(new ProductRates(
                BigDecimal.ZERO, 0, new BigDecimal("0.001"), new BigDecimal("0.001"), new BigDecimal("0.00015")));
        assertThat(rates.exchangeTxnRate()).isEqualByComparingTo("0.0000297");
        assertThat(rates.sebiFeeRate()).isEqualByComparingTo("0.000001");
        assertThat(rates.gstRate()).isEqualByComparingTo("0.18");
        assertThat(rates.dpChargePaise()).isEqualTo(1350);
    }

    @Test
    void picksTheRatesOfTheProduct() {
        ChargeRates rates = ChargeRates.zerodhaNse();

        assertThat(rates.forProduct(Product.MIS)).isSameAs(rates.intraday());
        assertThat(rates.forProduct(Product.CNC)).isSameAs(rates.delivery());
    }

    @Test
    void replacesTheExchangeTransactionRateOnly() {
        ChargeRates withIpft = ChargeRates.zerodhaNse().withExchangeTxnRate(new BigDecimal("0.0000307"));

        assertThat(withIpft.exchangeTxnRate()).isEqualByComparingTo("0.0000307");
        assertThat(withIpft.withExchangeTxnRate(new BigDecimal("0.0000297"))).isEqualTo(ChargeRates.zerodhaNse());
    }

    @Test
    void ratesThatDifferOnlyInScaleAreEqual() {
        ProductRates a = new ProductRates(new BigDecimal("0.10"), 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
        ProductRates b = new ProductRates(new BigDecimal("0.1"), 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        assertThat(a).isEqualTo(b);
    }

    @Test
    void rejectsNegativeProductRatesNamingTheField() {
        BigDecimal negative = new BigDecimal("-0.0001");
        BigDecimal zero = BigDecimal.ZERO;

        assertThatThrownBy(() -> new ProductRates(negative, 0, zero, zero, zero)).hasMessageContaining("brokerageRate");
        assertThatThrownBy(() -> new ProductRates(zero, -1, zero, zero, zero)).hasMessageContaining("brokerageCapPaise");
        assertThatThrownBy(() -> new ProductRates(zero, 0, negative, zero, zero)).hasMessageContaining("sttBuyRate");
        assertThatThrownBy(() -> new ProductRates(zero, 0, zero, negative, zero)).hasMessageContaining("sttSellRate");
        assertThatThrownBy(() -> new ProductRates(zero, 0, zero, zero, negative)).hasMessageContaining("stampDutyBuyRate");
        assertThatThrownBy(() -> new ProductRates(zero, 0, zero, zero, negative))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNegativeOrMissingSharedRatesNamingTheField() {
        BigDecimal negative = new BigDecimal("-1");
        BigDecimal zero = BigDecimal.ZERO;

        assertThatThrownBy(() -> new ChargeRates(FREE, FREE, negative, zero, zero, 0)).hasMessageContaining("exchangeTxnRate");
        assertThatThrownBy(() -> new ChargeRates(FREE, FREE, zero, negative, zero, 0)).hasMessageContaining("sebiFeeRate");
        assertThatThrownBy(() -> new ChargeRates(FREE, FREE, zero, zero, negative, 0)).hasMessageContaining("gstRate");
        assertThatThrownBy(() -> new ChargeRates(FREE, FREE, zero, zero, zero, -1)).hasMessageContaining("dpChargePaise");
        assertThatThrownBy(() -> new ChargeRates(null, FREE, zero, zero, zero, 0)).hasMessageContaining("intraday");
        assertThatThrownBy(() -> new ChargeRates(FREE, FREE, zero, null, zero, 0)).hasMessageContaining("sebiFeeRate");
    }
}
