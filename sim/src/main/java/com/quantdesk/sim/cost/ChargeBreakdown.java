package com.quantdesk.sim.cost;

import com.quantdesk.core.domain.Paise;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The charges on one executed order or one contract note, component by component.
 *
 * <p>Components are exact, unrounded rupee amounts (STT is already rounded to the rupee because
 * the contract note rounds it). They are kept exact so that the total is rounded once: rounding
 * each component first would drift by up to half a paisa per component.
 *
 * @param brokerage   broker's fee
 * @param stt         securities transaction tax
 * @param exchangeTxn exchange transaction charge
 * @param sebiFee     SEBI turnover fee
 * @param stampDuty   stamp duty
 * @param gst         GST on brokerage, exchange transaction charge and SEBI fee
 * @param dpCharges   depository charges, GST included
 */
public record ChargeBreakdown(
        BigDecimal brokerage,
        BigDecimal stt,
        BigDecimal exchangeTxn,
        BigDecimal sebiFee,
        BigDecimal stampDuty,
        BigDecimal gst,
        BigDecimal dpCharges) {

    /** No charges. */
    public static final ChargeBreakdown ZERO = new ChargeBreakdown(
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    /**
     * Validates that no component is missing or negative, and drops trailing zeros so that equal
     * amounts make equal records.
     *
     * @throws IllegalArgumentException naming the offending component
     */
    public ChargeBreakdown {
        brokerage = amount("brokerage", brokerage);
        stt = amount("stt", stt);
        exchangeTxn = amount("exchangeTxn", exchangeTxn);
        sebiFee = amount("sebiFee", sebiFee);
        stampDuty = amount("stampDuty", stampDuty);
        gst = amount("gst", gst);
        dpCharges = amount("dpCharges", dpCharges);
    }

    /** The exact sum of all components, in rupees. */
    public BigDecimal exactTotal() {
        return brokerage.add(stt).add(exchangeTxn).add(sebiFee).add(stampDuty).add(gst).add(dpCharges);
    }

    /** The exact total rounded once, half-even, to the paisa: the amount to debit. */
    public long totalPaise() {
        return Paise.fromRupees(exactTotal());
    }

    /**
     * Brokerage rounded half-even to the paisa, for display. The rounded components need not add
     * up to {@link #totalPaise()}.
     */
    public long brokeragePaise() {
        return Paise.fromRupees(brokerage);
    }

    /** STT in paise, for display (already whole rupees). */
    public long sttPaise() {
        return Paise.fromRupees(stt);
    }

    /** Exchange transaction charge rounded half-even to the paisa, for display. */
    public long exchangeTxnPaise() {
        return Paise.fromRupees(exchangeTxn);
    }

    /** SEBI fee rounded half-even to the paisa, for display. */
    public long sebiFeePaise() {
        return Paise.fromRupees(sebiFee);
    }

    /** Stamp duty rounded half-even to the paisa, for display. */
    public long stampDutyPaise() {
        return Paise.fromRupees(stampDuty);
    }

    /** GST rounded half-even to the paisa, for display. */
    public long gstPaise() {
        return Paise.fromRupees(gst);
    }

    /** DP charges rounded half-even to the paisa, for display. */
    public long dpChargesPaise() {
        return Paise.fromRupees(dpCharges);
    }

    /** This plus {@code other}, component by component, exactly. */
    public ChargeBreakdown plus(ChargeBreakdown other) {
        return new ChargeBreakdown(
                brokerage.add(other.brokerage),
                stt.add(other.stt),
                exchangeTxn.add(other.exchangeTxn),
                sebiFee.add(other.sebiFee),
                stampDuty.add(other.stampDuty),
                gst.add(other.gst),
                dpCharges.add(other.dpCharges));
    }

    /**
     * This minus {@code other}, component by component; used to replace an order's earlier
     * breakdown in a running total.
     *
     * @throws IllegalArgumentException if a component would become negative
     */
    ChargeBreakdown minus(ChargeBreakdown other) {
        return new ChargeBreakdown(
                brokerage.subtract(other.brokerage),
                stt.subtract(other.stt),
                exchangeTxn.subtract(other.exchangeTxn),
                sebiFee.subtract(other.sebiFee),
                stampDuty.subtract(other.stampDuty),
                gst.subtract(other.gst),
                dpCharges.subtract(other.dpCharges));
    }

    private static BigDecimal amount(String component, BigDecimal rupees) {
        Objects.requireNonNull(rupees, () -> component + " must not be null");
        if (rupees.signum() < 0) {
            throw new IllegalArgumentException(component + " must not be negative, was " + rupees.toPlainString());
        }
        return rupees.stripTrailingZeros();
    }
}
