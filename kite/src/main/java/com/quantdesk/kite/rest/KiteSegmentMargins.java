package com.quantdesk.kite.rest;

import static com.quantdesk.kite.rest.KiteJson.paiseOrZero;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Funds and margins of one segment ({@code equity} or {@code commodity}) from
 * {@code GET /user/margins}, all in paise.
 *
 * @param enabled          whether the segment is enabled
 * @param net              net available cash
 * @param cash             {@code available.cash}
 * @param openingBalance   {@code available.opening_balance}
 * @param liveBalance      {@code available.live_balance}
 * @param collateral       {@code available.collateral}
 * @param intradayPayin    {@code available.intraday_payin}
 * @param adhocMargin      {@code available.adhoc_margin}
 * @param debits           {@code utilised.debits}
 * @param exposure         {@code utilised.exposure}
 * @param span             {@code utilised.span}
 * @param optionPremium    {@code utilised.option_premium}
 * @param m2mRealised      {@code utilised.m2m_realised}
 * @param m2mUnrealised    {@code utilised.m2m_unrealised}
 */
public record KiteSegmentMargins(boolean enabled, long net, long cash, long openingBalance, long liveBalance,
                                 long collateral, long intradayPayin, long adhocMargin, long debits, long exposure,
                                 long span, long optionPremium, long m2mRealised, long m2mUnrealised) {

    static KiteSegmentMargins from(JsonNode n) {
        JsonNode a = n.path("available");
        JsonNode u = n.path("utilised");
        return new KiteSegmentMargins(n.path("enabled").asBoolean(false), paiseOrZero(n, "net"),
                paiseOrZero(a, "cash"), paiseOrZero(a, "opening_balance"), paiseOrZero(a, "live_balance"),
                paiseOrZero(a, "collateral"), paiseOrZero(a, "intraday_payin"), paiseOrZero(a, "adhoc_margin"),
                paiseOrZero(u, "debits"), paiseOrZero(u, "exposure"), paiseOrZero(u, "span"),
                paiseOrZero(u, "option_premium"), paiseOrZero(u, "m2m_realised"), paiseOrZero(u, "m2m_unrealised"));
    }
}
