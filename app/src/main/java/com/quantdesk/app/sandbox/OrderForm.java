package com.quantdesk.app.sandbox;

import com.quantdesk.core.domain.AccountId;
import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.OrderType;
import com.quantdesk.core.domain.Product;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.domain.Validity;
import com.quantdesk.core.order.OrderRequest;
import java.math.BigDecimal;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads Kite's order form fields (A.5) into an {@link OrderRequest}, answering InputException as
 * Kite does for a field that is missing or wrong. The sandbox trades NSE cash equities: variety
 * {@code regular}, products CNC and MIS, validity DAY and IOC.
 */
final class OrderForm {

    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final Set<String> PRODUCTS = Set.of("CNC", "MIS");

    private OrderForm() {
    }

    /** A place request: the core request and the Kite fields the order echoes. */
    record Placement(OrderRequest request, String product, String validity, String marketProtection,
                     long disclosedQuantity) {
    }

    /** Parses a place request; {@code field} reads a form field (null when absent). */
    static Placement place(String variety, UnaryOperator<String> field, SandboxInstruments instruments,
                           AccountId account, boolean requireMarketProtection) {
        requireRegular(variety);
        String exchange = required(field, "exchange");
        if (!exchange.equals("NSE")) {
            throw KiteError.input("Invalid `exchange`: the sandbox trades NSE only.");
        }
        Symbol symbol = instruments.nseSymbol(required(field, "tradingsymbol"))
                .orElseThrow(() -> KiteError.input("Invalid `tradingsymbol`."));
        Side side = switch (required(field, "transaction_type")) {
            case "BUY" -> Side.BUY;
            case "SELL" -> Side.SELL;
            default -> throw KiteError.input("Invalid `transaction_type`.");
        };
        OrderType type = switch (required(field, "order_type")) {
            case "MARKET" -> OrderType.MARKET;
            case "LIMIT" -> OrderType.LIMIT;
            case "SL" -> OrderType.SL;
            case "SL-M" -> OrderType.SL_M;
            default -> throw KiteError.input("Invalid `order_type`.");
        };
        String product = required(field, "product");
        if (!PRODUCTS.contains(product)) {
            throw KiteError.input("Invalid `product`: NSE equity orders take CNC or MIS.");
        }
        String validity = field.apply("validity") == null ? "DAY" : field.apply("validity");
        Validity v = switch (validity) {
            case "DAY" -> Validity.DAY;
            case "IOC" -> Validity.IOC;
            default -> throw KiteError.input("Invalid `validity`: the sandbox takes DAY or IOC.");
        };
        long quantity = quantity(required(field, "quantity"));
        long price = type.needsLimitPrice() ? positivePaise(required(field, "price"), "price") : 0;
        long trigger = type.needsTriggerPrice() ? positivePaise(required(field, "trigger_price"), "trigger_price") : 0;
        String protection = marketProtection(field.apply("market_protection"), type, requireMarketProtection);
        long disclosed = disclosedQuantity(field.apply("disclosed_quantity"), quantity);
        String tag = field.apply("tag");
        if (tag != null && !tag.isEmpty() && !TAG.matcher(tag).matches()) {
            throw KiteError.input("Invalid `tag`: alphanumeric, at most 20 characters.");
        }
        OrderRequest request = new OrderRequest(account, BotId.NONE, symbol, side, type, Product.valueOf(product), v,
                quantity, price, trigger, 0, tag == null ? "" : tag);
        return new Placement(request, product, validity, protection, disclosed);
    }

    /** Fails unless the variety is {@code regular}. */
    static void requireRegular(String variety) {
        if (!"regular".equals(variety)) {
            throw KiteError.input("Invalid `variety`: the sandbox takes regular orders only.");
        }
    }

    /** An optional quantity of a modification; 0 when absent. */
    static long optionalQuantity(String text) {
        return text == null || text.isBlank() ? 0 : quantity(text);
    }

    /** An optional price of a modification in paise; 0 when absent. */
    static long optionalPaise(String text, String name) {
        return text == null || text.isBlank() ? 0 : positivePaise(text, name);
    }

    private static String marketProtection(String text, OrderType type, boolean required) {
        boolean applies = type == OrderType.MARKET || type == OrderType.SL_M;
        int value;
        try {
            value = text == null || text.isBlank() ? 0 : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw KiteError.input("Invalid `market_protection`.");
        }
        if (value < -1 || value > 100) {
            throw KiteError.input("Invalid `market_protection`: -1 (automatic) or 0 to 100 percent.");
        }
        if (applies && required && value == 0) {
            throw KiteError.input("Market orders without market protection are not allowed. "
                    + "Send `market_protection` -1 or a percentage.");
        }
        return String.valueOf(value);
    }

    /** The optional {@code disclosed_quantity} (A.5), echoed on the order: 0 to the quantity. */
    private static long disclosedQuantity(String text, long quantity) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            long disclosed = Long.parseLong(text.trim());
            if (disclosed < 0 || disclosed > quantity) {
                throw KiteError.input("Invalid `disclosed_quantity`: 0 to the order quantity.");
            }
            return disclosed;
        } catch (NumberFormatException e) {
            throw KiteError.input("Invalid `disclosed_quantity`.");
        }
    }

    private static long quantity(String text) {
        try {
            long quantity = Long.parseLong(text.trim());
            if (quantity <= 0) {
                throw KiteError.input("Invalid `quantity`: must be positive.");
            }
            return quantity;
        } catch (NumberFormatException e) {
            throw KiteError.input("Invalid `quantity`.");
        }
    }

    private static long positivePaise(String text, String name) {
        try {
            long paise = new BigDecimal(text.trim()).movePointRight(2).longValueExact();
            if (paise <= 0) {
                throw KiteError.input("Invalid `" + name + "`: must be positive.");
            }
            return paise;
        } catch (NumberFormatException | ArithmeticException e) {
            throw KiteError.input("Invalid `" + name + "`.");
        }
    }

    private static String required(UnaryOperator<String> field, String name) {
        String value = field.apply(name);
        if (value == null || value.isBlank()) {
            throw KiteError.input("`" + name + "` is missing.");
        }
        return value.trim();
    }
}
