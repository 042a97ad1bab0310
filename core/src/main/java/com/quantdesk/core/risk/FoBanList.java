package com.quantdesk.core.risk;

import com.quantdesk.core.domain.Symbol;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NSE's daily F&amp;O ban file ({@code fo_secban_DDMMYYYY.csv}): a title line such as
 * "Securities in Ban For the Trade Date 23-NOV-2026:", then one {@code serial,SYMBOL} row per banned
 * underlying, or a line saying there are none ("NIL"). Blank lines are ignored.
 */
public final class FoBanList {

    private static final Pattern ROW = Pattern.compile("\\s*\"?(\\d+)\"?\\s*,\\s*\"?([^\",]*)\"?\\s*,?\\s*");

    private FoBanList() {
    }

    /**
     * The banned symbols in {@code text}.
     *
     * @param source the file name, for error messages
     * @throws IllegalArgumentException naming the source and line of a row that cannot be read
     */
    public static Set<Symbol> parse(String text, String source) {
        Set<Symbol> banned = new TreeSet<>();
        String[] lines = text.split("\\R", -1);
        boolean sawTitle = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip().replace("\uFEFF", "");
            if (line.isEmpty()) {
                continue;
            }
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                try {
                    banned.add(Symbol.of(row.group(2)));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(source + ", line " + (i + 1) + ": " + e.getMessage(), e);
                }
            } else if (line.toUpperCase(java.util.Locale.ROOT).contains("NIL")
                    || line.toUpperCase(java.util.Locale.ROOT).startsWith("NO ")) {
                continue;
            } else if (!sawTitle && banned.isEmpty()) {
                sawTitle = true;
            } else {
                throw new IllegalArgumentException(source + ", line " + (i + 1)
                        + ": expected 'serial,SYMBOL', found '" + line + "'");
            }
        }
        return banned;
    }
}
