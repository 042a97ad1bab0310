package com.quantdesk.sim.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ChargeBreakdownTest {

    private static ChargeBreakdown of(String brokerage, String stt, String exchangeTxn, String sebiFee,
                                      String stampDuty, String gst, String dpCharges) {
        return new ChargeBreakdown(new BigDecimal(brokerage), new BigDecimal(stt), new BigDecimal(exchangeTxn),
                new BigDecimal(sebiFee), new BigDecimal(stampDuty), new BigDecimal(gst), new BigDecimal(dpCharges));
    }

    @Test
    void roundsTheExactSumOnceRatherThanEachComponent() {
        ChargeBreakdown breakdown = of("0", "0", "0.005", "0.005", "0", "0", "0");

        assertThat(breakdown.exchangeTxnPaise()).isZero();
        assertThat(breakdown.sebiFeePaise()).isZero();
        assertThat(breakdown.totalPaise()).isEqualTo(1);
    }

    @Test
    void roundsTheTotalHalfEvenToThePaisa() {
        assertThat(of("0.015", "0", "0", "0", "0", "0", "0").totalPaise()).isEqualTo(2);
        assertThat(of("0.025", "0", "0", "0", "0", "0", "0").totalPaise()).isEqualTo(2);
        assertThat(of("0.0251", "0", "0", "0", "0", "0", "0").totalPaise()).isEqualTo(3);
    }

    @Test
    void roundsEachComponentForDisplay() {
        ChargeBreakdown breakdown = of("20", "35", "8.33679", "0.2807", "4.2", "8.7511482", "15.93");

        assertThat(breakdown.brokeragePaise()).isEqualTo(2000);
        assertThat(breakdown.sttPaise()).isEqualTo(3500);
        assertThat(breakdown.exchangeTxnPaise()).isEqualTo(834);
        assertThat(breakdown.sebiFeePaise()).isEqualTo(28);
        assertThat(breakdown.stampDutyPaise()).isEqualTo(420);
        assertThat(breakdown.gstPaise()).isEqualTo(875);
        assertThat(breakdown.dpChargesPaise()).isEqualTo(1593);
    }

    @Test
    void addsComponentByComponentExactly() {
        ChargeBreakdown a = of("1", "2", "0.001", "0.0001", "3", "0.18", "0");
        ChargeBreakdown b = of("2", "0", "0.002", "0.0002", "1", "0.36", "15.93");

        assertThat(a.plus(b)).isEqualTo(of("3", "2", "0.003", "0.0003", "4", "0.54", "15.93"));
        assertThat(a.plus(ChargeBreakdown.ZERO)).isEqualTo(a);
        assertThat(a.plus(b).exactTotal()).isEqualByComparingTo(a.exactTotal().add(b.exactTotal()));
    }

    @Test
    void amountsThatDifferOnlyInScaleAreEqual() {
        assertThat(of("20.00", "0", "0", "0", "0", "0", "0")).isEqualTo(of("20", "0", "0", "0", "0", "0", "0"));
    }

    @Test
    void rejectsNegativeComponentsNamingThem() {
        assertThatThrownBy(() -> of("0", "0", "0", "0", "0", "-0.01", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gst");
        assertThatThrownBy(() -> of("0", "0", "0", "0", "0", "0", "-15.93")).hasMessageContaining("dpCharges");
    }
}
