package com.quantdesk.kite.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses Kite's instrument dump. The header names the columns (any order; extra columns are
 * ignored); a row that cannot be parsed fails the whole dump with a
 * {@link KiteException.DataException} naming its line, because an instrument master with a hole is
 * worse than yesterday's.
 */
public final class InstrumentsCsv {

    private static final List<String> REQUIRED = List.of("instrument_token", "exchange_token", "tradingsymbol", "name",
            "last_price", "expiry", "strike", "tick_size", "lot_size", "instrument_type", "segment", "exchange");

    private InstrumentsCsv() {
    }

    /** The instruments in {@code csv}, in file order. */
    public static List<KiteInstrument> parse(String csv) {
        String[] lines = csv.split("\r?\n", -1);
        Map<String, Integer> column = header(lines[0]);
        List<KiteInstrument> out = new ArrayList<>(lines.length);
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                out.add(row(split(lines[i]), column));
            } catch (RuntimeException e) {
                throw KiteException.data(200, "instruments CSV line " + (i + 1) + ": " + e.getMessage()
                        + " in '" + lines[i] + "'");
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, Integer> header(String line) {
        List<String> names = split(line.startsWith("\uFEFF") ? line.substring(1) : line);
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            column.put(names.get(i).trim(), i);
        }
        for (String name : REQUIRED) {
            if (!column.containsKey(name)) {
                throw KiteException.data(200, "instruments CSV line 1: column '" + name + "' is missing");
            }
        }
        return column;
    }

    private static KiteInstrument row(List<String> cells, Map<String, Integer> column) {
        if (cells.size() < column.size()) {
            throw new IllegalArgumentException(cells.size() + " cells, expected " + column.size());
        }
        java.util.function.Function<String, String> cell = name -> cells.get(column.get(name)).trim();
        String expiry = cell.apply("expiry");
        return new KiteInstrument(whole(cell.apply("instrument_token"), "instrument_token"),
                whole(cell.apply("exchange_token"), "exchange_token"), cell.apply("tradingsymbol"), cell.apply("name"),
                paise(cell.apply("last_price"), "last_price"), expiry.isEmpty() ? null : LocalDate.parse(expiry),
                paise(cell.apply("strike"), "strike"), paise(cell.apply("tick_size"), "tick_size"),
                whole(cell.apply("lot_size"), "lot_size"), cell.apply("instrument_type"), cell.apply("segment"),
                cell.apply("exchange"));
    }

    private static long whole(String text, String name) {
        try {
            return new BigDecimal(text).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("bad " + name + " '" + text + "'");
        }
    }

    // Exact, or the row is rejected: a tick of 0.0025 (currency) is not a whole number of paise.
    private static long paise(String text, String name) {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return new BigDecimal(text).movePointRight(2).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("bad " + name + " '" + text + "' (not a whole number of paise)");
        }
    }

    /** Splits one CSV line; a field in double quotes may hold commas and doubled quotes. */
    static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote");
        }
        cells.add(cell.toString());
        return cells;
    }
}
