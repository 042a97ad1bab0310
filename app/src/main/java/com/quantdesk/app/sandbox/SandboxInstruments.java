package com.quantdesk.app.sandbox;

import com.quantdesk.core.domain.Instrument;
import com.quantdesk.core.domain.Symbol;
import com.quantdesk.sim.data.InstrumentMaster;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's NSE instruments with Kite numbers: exchange_token is the symbol's rank in the master
 * (from 1), and instrument_token is {@code exchange_token << 8 | 1}, so its low byte is the NSE
 * segment code as in Kite (B.4). Immutable.
 */
final class SandboxInstruments {

    /** Kite's segment code of NSE in an instrument token's low byte. */
    static final int NSE_SEGMENT = 1;

    private final InstrumentMaster master;
    private final Map<Symbol, Long> tokens = new HashMap<>();
    private final Map<Long, Symbol> symbols = new HashMap<>();

    SandboxInstruments(InstrumentMaster master) {
        this.master = master;
        long exchangeToken = 1;
        for (Instrument instrument : master.all()) {
            long token = exchangeToken << 8 | NSE_SEGMENT;
            tokens.put(instrument.symbol(), token);
            symbols.put(token, instrument.symbol());
            exchangeToken++;
        }
    }

    /** Every instrument, by symbol. */
    List<Instrument> all() {
        return master.all();
    }

    /** The master, for the venue. */
    InstrumentMaster master() {
        return master;
    }

    /** The instrument token of a symbol in the master. */
    long token(Symbol symbol) {
        Long token = tokens.get(symbol);
        if (token == null) {
            throw new IllegalArgumentException("unknown symbol " + symbol);
        }
        return token;
    }

    /** The symbol of an instrument token, if the sandbox has it. */
    Optional<Symbol> symbol(long token) {
        return Optional.ofNullable(symbols.get(token));
    }

    /** The symbol of an NSE trading symbol, if the sandbox has it. */
    Optional<Symbol> nseSymbol(String tradingsymbol) {
        if (tradingsymbol == null || tradingsymbol.isBlank()) {
            return Optional.empty();
        }
        Symbol symbol;
        try {
            symbol = Symbol.of(tradingsymbol.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return master.contains(symbol) ? Optional.of(symbol) : Optional.empty();
    }

    /**
     * The symbol a quote key names: {@code EXCHANGE:TRADINGSYMBOL} (only NSE is known) or a bare
     * instrument token.
     */
    Optional<Symbol> resolve(String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            try {
                return symbol(Long.parseLong(key.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return key.substring(0, colon).equals("NSE") ? nseSymbol(key.substring(colon + 1)) : Optional.empty();
    }

    /** The instrument of a symbol in the master. */
    Instrument instrument(Symbol symbol) {
        return master.get(symbol);
    }
}
