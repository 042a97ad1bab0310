package com.quantdesk.core.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.core.domain.Symbol;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** NSE's daily F&amp;O ban file as it comes, and the errors a broken one gives. */
class FoBanListTest {

    private static final String SOURCE = "fo_secban_05012026.csv";

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("title and rows",
                        "Securities in Ban For the Trade Date 05-JAN-2026:\n1,RBLBANK\n2,SAIL\n", "RBLBANK SAIL"),
                Arguments.of("CRLF, quotes, BOM and a trailing comma",
                        "\uFEFFSecurities in Ban For the Trade Date 05-JAN-2026:\r\n\"1\",\"RBLBANK\"\r\n2, sail ,\r\n",
                        "RBLBANK SAIL"),
                Arguments.of("blank lines anywhere",
                        "\n\nSecurities in Ban For the Trade Date 05-JAN-2026:\n\n1,M&M\n\n2,BAJAJ-AUTO\n\n",
                        "BAJAJ-AUTO M&M"),
                Arguments.of("NIL on its own line",
                        "Securities in Ban For the Trade Date 05-JAN-2026:\nNIL\n", ""),
                Arguments.of("NIL in the title", "Securities in Ban For the Trade Date 05-JAN-2026: NIL\n", ""),
                Arguments.of("no securities line", "No securities in ban\n", ""),
                Arguments.of("rows without a title", "1,RBLBANK\n", "RBLBANK"),
                Arguments.of("empty file", "", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void readsTheBannedSymbols(String what, String text, String expected) {
        Symbol[] symbols = Arrays.stream(expected.split(" ")).filter(s -> !s.isEmpty()).map(Symbol::of)
                .toArray(Symbol[]::new);
        assertThat(FoBanList.parse(text, SOURCE)).containsExactly(symbols);
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                Arguments.of("a second title", "Securities in Ban:\nSr No,Symbol\n1,SAIL\n",
                        SOURCE + ", line 2: expected 'serial,SYMBOL', found 'Sr No,Symbol'"),
                Arguments.of("a row without a serial", "Securities in Ban:\n1,SAIL\nRBLBANK\n",
                        SOURCE + ", line 3: expected 'serial,SYMBOL', found 'RBLBANK'"),
                Arguments.of("an empty symbol", "Securities in Ban:\n\n1,\n",
                        SOURCE + ", line 3: invalid symbol: '' (use upper-case letters, digits, '&', '_', '.' or '-')"),
                Arguments.of("a symbol with a space", "Securities in Ban:\n1,RBL BANK\n",
                        SOURCE + ", line 2: invalid symbol: 'RBL BANK' (use upper-case letters, digits, '&', '_', '.'"
                                + " or '-')"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void aBadRowIsReportedWithSourceAndLine(String what, String text, String message) {
        assertThatThrownBy(() -> FoBanList.parse(text, SOURCE)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
