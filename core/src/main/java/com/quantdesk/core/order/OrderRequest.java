package com.quantdesk.core.order;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.domain.Validity;
import java.util.Objects;

/**
 * What a strategy, a person or an API client asks for. Prices are paise; a price that the order type
 * does not use must be zero.
 *
 * @param account        account to trade for
 * @param bot            bot placing the order, or {@link BotId#NONE}
 * @param symbol         instrument
 * @param side           buy or sell
 * @param type           order type
 * @param product        CNC or MIS
 * @param validity       DAY or IOC
 * @param quantity       shares, positive
 * @param limitPrice     limit price for LIMIT and SL, else 0
 * @param triggerPrice   trigger price for SL and SL-M, else 0
 * @param stopLossPrice  protective stop the trader intends for the position this order opens, or 0
 *                       (used by risk-per-trade checks; it is not itself an order)
 * @param tag            free text up to 20 characters carried to the venue, may be empty
 * @param afterMarket    an after-market order (AMO): accepted outside the session, it works from the
 *                       next open
 */
public record OrderRequest(AccountId account, BotId bot, Symbol symbol, Side side, OrderType type,
                           Product product, Validity validity, long quantity, long limitPrice,
                           long triggerPrice, long stopLossPrice, String tag, boolean afterMarket) {

    /** Validates the request; the message names the offending field. */
    public OrderRequest {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(bot, "bot");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(validity, "validity");
        tag = tag == null ? "" : tag;
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity);
        }
        if (type.needsLimitPrice() ? limitPrice <= 0 : limitPrice != 0) {
            throw new IllegalArgumentException(type.needsLimitPrice()
                    ? "limitPrice must be positive for a " + type.wireName() + " order"
                    : "limitPrice must be 0 for a " + type.wireName() + " order");
        }
        if (type.needsTriggerPrice() ? triggerPrice <= 0 : triggerPrice != 0) {
            throw new IllegalArgumentException(type.needsTriggerPrice()
                    ? "triggerPrice must be positive for a " + type.wireName() + " order"
                    : "triggerPrice must be 0 for a " + type.wireName() + " order");
        }
        if (stopLossPrice < 0) {
            throw new IllegalArgumentException("stopLossPrice must not be negative, was " + stopLossPrice);
        }
        if (tag.length() > 20) {
            throw new IllegalArgumentException("tag must be at most 20 characters");
        }
    }

    /** A regular (not after-market) order. */
    public OrderRequest(AccountId account, BotId bot, Symbol symbol, Side side, OrderType type, Product product,
                        Validity validity, long quantity, long limitPrice, long triggerPrice, long stopLossPrice,
                        String tag) {
        this(account, bot, symbol, side, type, product, validity, quantity, limitPrice, triggerPrice, stopLossPrice,
                tag, false);
    }

    /** A DAY market order. */
    public static OrderRequest market(AccountId account, BotId bot, Symbol symbol, Side side, long quantity,
                                      Product product) {
        return new OrderRequest(account, bot, symbol, side, OrderType.MARKET, product, Validity.DAY, quantity,
                0, 0, 0, "");
    }

    /** A DAY limit order. */
    public static OrderRequest limit(AccountId account, BotId bot, Symbol symbol, Side side, long quantity,
                                     long limitPrice, Product product) {
        return new OrderRequest(account, bot, symbol, side, OrderType.LIMIT, product, Validity.DAY, quantity,
                limitPrice, 0, 0, "");
    }

    /** A DAY stop-market (SL-M) order. */
    public static OrderRequest stopMarket(AccountId account, BotId bot, Symbol symbol, Side side, long quantity,
                                          long triggerPrice, Product product) {
        return new OrderRequest(account, bot, symbol, side, OrderType.SL_M, product, Validity.DAY, quantity,
                0, triggerPrice, 0, "");
    }

    /** A copy with another validity. */
    public OrderRequest withValidity(Validity newValidity) {
        return new OrderRequest(account, bot, symbol, side, type, product, newValidity, quantity, limitPrice,
                triggerPrice, stopLossPrice, tag, afterMarket);
    }

    /** A copy with a protective stop price recorded. */
    public OrderRequest withStopLoss(long newStopLossPrice) {
        return new OrderRequest(account, bot, symbol, side, type, product, validity, quantity, limitPrice,
                triggerPrice, newStopLossPrice, tag, afterMarket);
    }

    /** A copy with a tag. */
    public OrderRequest withTag(String newTag) {
        return new OrderRequest(account, bot, symbol, side, type, product, validity, quantity, limitPrice,
                triggerPrice, stopLossPrice, newTag, afterMarket);
    }

    /** A copy marked as an after-market order. */
    public OrderRequest asAfterMarket() {
        return new OrderRequest(account, bot, symbol, side, type, product, validity, quantity, limitPrice,
                triggerPrice, stopLossPrice, tag, true);
    }

    /** A copy placed for another account and bot. */
    public OrderRequest forBot(AccountId newAccount, BotId newBot) {
        return new OrderRequest(newAccount, newBot, symbol, side, type, product, validity, quantity, limitPrice,
                triggerPrice, stopLossPrice, tag, afterMarket);
    }

    /** A copy with new quantity and prices (0 keeps the current value). */
    public OrderRequest modified(long newQuantity, long newLimitPrice, long newTriggerPrice) {
        return new OrderRequest(account, bot, symbol, side, type, product, validity,
                newQuantity == 0 ? quantity : newQuantity, newLimitPrice == 0 ? limitPrice : newLimitPrice,
                newTriggerPrice == 0 ? triggerPrice : newTriggerPrice, stopLossPrice, tag, afterMarket);
    }
}
