package com.quantdesk.app.paper;

import com.quantdesk.core.domain.BotId;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.core.event.Event;
import com.quantdesk.core.event.OrderDenied;
import com.quantdesk.core.event.OrderFilled;
import com.quantdesk.core.event.OrderSubmitted;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * What each bot has done, from the event stream: orders, denials, fills, net positions and the
 * cash its fills moved. Its P&amp;L is that cash plus its positions at the last prices, charges
 * included. Fed during recovery and live, on the engine thread only.
 */
final class BotLedger {

    private final Map<BotId, Book> books = new LinkedHashMap<>();

    /** Books one event. */
    void onEvent(Event event) {
        switch (event) {
            case OrderSubmitted e -> book(e.bot()).orders++;
            case OrderDenied e -> book(e.bot()).denied++;
            case OrderFilled f -> {
                Book book = book(f.bot());
                book.fills++;
                long signed = f.side().sign() * f.quantity();
                book.positions.merge(f.symbol(), signed, Long::sum);
                book.cash = Math.subtractExact(book.cash, Math.addExact(Math.multiplyExact(signed, f.price()),
                        f.charges()));
                book.charges = Math.addExact(book.charges, f.charges());
            }
            default -> { }
        }
    }

    private Book book(BotId bot) {
        return books.computeIfAbsent(bot, b -> new Book());
    }

    /** One bot's figures, its positions marked at {@code lastPrice} (paise). */
    PaperStatus.BotFigures figures(BotId bot, ToLongFunction<Symbol> lastPrice) {
        Book book = books.getOrDefault(bot, new Book());
        long marked = 0;
        Map<Symbol, Long> open = new LinkedHashMap<>();
        for (Map.Entry<Symbol, Long> p : book.positions.entrySet()) {
            if (p.getValue() != 0) {
                open.put(p.getKey(), p.getValue());
                marked = Math.addExact(marked, Math.multiplyExact(p.getValue(), lastPrice.applyAsLong(p.getKey())));
            }
        }
        return new PaperStatus.BotFigures(book.orders, book.denied, book.fills, open, book.charges,
                Math.addExact(book.cash, marked));
    }

    private static final class Book {
        long orders;
        long denied;
        long fills;
        long cash;
        long charges;
        final Map<Symbol, Long> positions = new HashMap<>();
    }
}
