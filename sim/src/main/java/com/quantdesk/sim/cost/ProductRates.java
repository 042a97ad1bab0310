package com.quantdesk.sim.cost;

import java.math.BigDecimal;

/**
 * The charges that differ between intraday (MIS) and delivery (CNC) equity trades.
 *
 * <p>Rates are exact fractions of traded value ({@code 0.0003} is 0.03%), never {@code double},
 * so a configured rate means exactly what it says.
 *
 * @param brokerageRate     brokerage as a fraction of an executed order's value
 * @param brokerageCapPaise most brokerage charged for one executed order, in paise
 * @param sttBuyRate        securities transaction tax on buy value
 * @param sttSellRate       securities transaction tax on sell value
 * @param stampDutyBuyRate  stamp duty on buy value (sells pay none)
 */
public record ProductRates(
        BigDecimal brokerageRate,
        long brokerageCapPaise,
        BigDecimal sttBuyRate,
        BigDecimal sttSellRate,
        BigDecimal stampDutyBuyRate) {

    /**
     * Validates that no rate is missing or negative.
     *
     * @throws IllegalArgumentException naming the offending field
     */
    public ProductRates {
        brokerageRate = ChargeRates.requireRate("brokerageRate", brokerageRate);
        if (brokerageCapPaise < 0) {
            throw new IllegalArgumentException("brokerageCapPaise must not be negative, was " + brokerageCapPaise);
        }
        sttBuyRate = ChargeRates.requireRate("sttBuyRate", sttBuyRate);
        sttSellRate = ChargeRates.requireRate("sttSellRate", sttSellRate);
        stampDutyBuyRate = ChargeRates.requireRate("stampDutyBuyRate", stampDutyBuyRate);
    }
}
