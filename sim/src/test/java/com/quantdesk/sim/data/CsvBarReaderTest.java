package com.quantdesk.sim.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.quantdesk.core.domain.Bar;
import com.quantdesk.core.domain.Symbol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvBarReaderTest {

    private static final Symbol RELIANCE = Symbol.of("RELIANCE");

    @TempDir
    Path dir;

    private final CsvBarReader reader = new CsvBarReader();

    private Path file(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static Instant ist(String localDateTime) {
        return Instant.parse(localDateTime + "+05:30");
    }

    @Nested
    class Layout {

        @Test
        void readsAHeaderlessDailyFileWithBarsAt0915Ist() throws IOException {
            Path file = file("reliance.csv",
                    "2025-01-01,1210.00,1225.50,1205.10,1220.35,4567890",
                    "2025-01-02,1220.35,1240.00,1219.00,1238.00,5123456");

            BarFile result = reader.read(file);

            assertThat(result.symbol()).isEqualTo(RELIANCE);
            assertThat(result.file()).isEqualTo(file);
            assertThat(result.bars()).containsExactly(
                    new Bar(RELIANCE, ist("2025-01-01T09:15:00"), 1_210_00, 1_225_50, 1_205_10, 1_220_35, 4_567_890),
                    new Bar(RELIANCE, ist("2025-01-02T09:15:00"), 1_220_35, 1_240_00, 1_219_00, 1_238_00, 5_123_456));
            assertThat(result.roundedValues()).isZero();
            assertThat(result.skipped()).isEmpty();
        }

        @Test
        void readsAHeaderWithColumnsInAnyOrderAndIgnoresExtraColumns() throws IOException {
            Path file = file("infy.csv",
                    "Volume,Close,Adj Close,LOW,High,Open,Symbol,Date",
                    "1000,1502.5,1490.1,1495,1510,1500,INFY,2025-01-01");

            BarFile result = reader.read(file);

            assertThat(result.bars()).containsExactly(
                    new Bar(Symbol.of("INFY"), ist("2025-01-01T09:15:00"), 1_500_00, 1_510_00, 1_495_00, 1_502_50, 1000));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "datetime|2025-01-01 09:20|2025-01-01T09:20:00",
            "timestamp|2025-01-01 09:20:30|2025-01-01T09:20:30",
            "Date Time|2025-01-01T09:20|2025-01-01T09:20:00",
            "TIME|2025-01-01T09:20:30|2025-01-01T09:20:30",
            "date|2025-01-01T03:50:00Z|2025-01-01T09:20:00",
            "date|2025-01-01 09:20:00+05:30|2025-01-01T09:20:00",
            "date|2025-01-01T09:20:00+0530|2025-01-01T09:20:00",
            "date|2025-01-01 09:20:00.5|2025-01-01T09:20:00.5",
        })
        void acceptsTheDateTimeFormsInIstOrWithAnOffset(String column, String text, String expectedIst)
                throws IOException {
            Path file = file("tcs.csv", column + ",open,high,low,close,volume", text + ",10,11,9,10,5");

            assertThat(reader.read(file).bars()).extracting(Bar::time).containsExactly(ist(expectedIst));
        }

        @Test
        void joinsSeparateDateAndTimeColumns() throws IOException {
            Path file = file("tcs.csv", "date,time,open,high,low,close,volume", "2025-01-01,09:20,10,11,9,10,5");

            assertThat(reader.read(file).bars()).extracting(Bar::time).containsExactly(ist("2025-01-01T09:20:00"));
        }

        @Test
        void toleratesQuotesABomAndBlankLines() throws IOException {
            Path file = file("tcs.csv", "\uFEFF\"Date\",\"Open\",\"High\",\"Low\",\"Close\",\"Volume\"",
                    "", "\"2025-01-01\",\"10\",\"11\",\"9\",\"10\",\"5\"", "");

            assertThat(reader.read(file).bars()).hasSize(1);
        }

        @Test
        void acceptsAFloatVolumeWithoutFraction() throws IOException {
            Path file = file("tcs.csv", "2025-01-01,10,11,9,10,1234.0");

            assertThat(reader.read(file).bars().getFirst().volume()).isEqualTo(1234);
        }

        @Test
        void takesTheSymbolFromAParameterOrTheFileName() throws IOException {
            Path file = file("hdfcbank_1d.csv", "2025-01-01,10,11,9,10,5");

            assertThat(reader.read(file).symbol()).isEqualTo(Symbol.of("HDFCBANK"));
            assertThat(reader.read(file, Symbol.of("M&M")).bars().getFirst().symbol()).isEqualTo(Symbol.of("M&M"));
            assertThat(CsvBarReader.symbolOf(Path.of("data", "bajaj-auto.5m.csv"))).isEqualTo(Symbol.of("BAJAJ-AUTO"));
            assertThat(CsvBarReader.symbolOf(Path.of("RELIANCE"))).isEqualTo(RELIANCE);
        }
    }

    @Nested
    class Rounding {

        @Test
        void roundsHalfEvenToThePaisaAndCountsTheValuesThatNeededIt() throws IOException {
            Path file = file("reliance.csv",
                    "date,open,high,low,close,volume",
                    "2025-01-01,4044.89990234375,4050.0000,4040.125,4045.135,100",
                    "2025-01-02,4045.10,4046.2,4044.00,4045.1000000001,100");

            BarFile result = reader.read(file);

            assertThat(result.bars()).extracting(Bar::open, Bar::high, Bar::low, Bar::close).containsExactly(
                    tuple(4_044_90L, 4_050_00L, 4_040_12L, 4_045_14L),
                    tuple(4_045_10L, 4_046_20L, 4_044_00L, 4_045_10L));
            assertThat(result.roundedValues()).isEqualTo(4);
        }

        @Test
        void doesNotCountRoundingInSkippedRows() throws IOException {
            Path file = file("reliance.csv",
                    "2025-01-01,10.001,11,9,10,100",
                    "2025-01-02,10.001,8,9,10,100");

            BarFile result = reader.skipBadRows(true).read(file);

            assertThat(result.roundedValues()).isEqualTo(1);
        }
    }

    @Nested
    class Errors {

        private void assertFails(Path file, int line, String reason) {
            assertThatThrownBy(() -> reader.read(file))
                    .isInstanceOfSatisfying(BarFileException.class, e -> {
                        assertThat(e.file()).isEqualTo(file);
                        assertThat(e.line()).isEqualTo(line);
                        assertThat(e.reason()).isEqualTo(reason);
                    })
                    .hasMessage(line > 0 ? file + ", line " + line + ": " + reason : file + ": " + reason);
        }

        @Test
        void rejectsANonNumericValueNamingTheColumn() throws IOException {
            assertFails(file("x.csv", "2025-01-01,10,11,9,10,5", "2025-01-02,10,eleven,9,10,5"),
                    2, "non-numeric high 'eleven'");
            assertFails(file("y.csv", "date,open,high,low,close,volume", "2025-01-01,10,11,9,10,"),
                    2, "non-numeric volume ''");
        }

        @Test
        void rejectsAFirstRowWithABadPriceAsDataNotAsAHeader() throws IOException {
            assertFails(file("x.csv", "2025-01-01,10,11,9,N/A,5"), 1, "non-numeric close 'N/A'");
        }

        @Test
        void rejectsHighBelowLow() throws IOException {
            assertFails(file("x.csv", "2025-01-01,10,9,11,10,5"), 1, "high 9.00 < low 11.00");
        }

        @Test
        void rejectsOpenOrCloseOutsideHighLow() throws IOException {
            assertFails(file("x.csv", "2025-01-01,12,11,9,10,5"), 1, "open 12.00 outside high-low 9.00-11.00");
            assertFails(file("y.csv", "2025-01-01,10,11,9,8.5,5"), 1, "close 8.50 outside high-low 9.00-11.00");
        }

        @Test
        void rejectsNonPositivePrices() throws IOException {
            assertFails(file("x.csv", "2025-01-01,10,11,0,10,5"), 1, "non-positive low '0'");
            assertFails(file("y.csv", "2025-01-01,-10,11,9,10,5"), 1, "non-positive open '-10'");
            assertFails(file("z.csv", "2025-01-01,10,11,0.004,10,5"), 1, "non-positive low '0.004'");
        }

        @Test
        void rejectsNegativeOrFractionalVolume() throws IOException {
            assertFails(file("x.csv", "2025-01-01,10,11,9,10,-5"), 1, "negative volume '-5'");
            assertFails(file("y.csv", "2025-01-01,10,11,9,10,5.5"), 1, "volume '5.5' is not a whole number");
        }

        @Test
        void rejectsAbsurdlyLargePrices() throws IOException {
            assertFails(file("x.csv", "2025-01-01,10,1e999999999,9,10,5"), 1, "high '1e999999999' is too large");
        }

        @Test
        void rejectsTheWrongNumberOfColumns() throws IOException {
            assertFails(file("x.csv", "2025-01-01,10,11,9,10,5", "2025-01-02,10,11,9,10"),
                    2, "wrong number of columns: expected 6, found 5");
            assertFails(file("y.csv", "date,open,high,low,close,volume,oi", "2025-01-02,10,11,9,10,5"),
                    2, "wrong number of columns: expected 7, found 6");
        }

        @Test
        void rejectsBadDates() throws IOException {
            assertFails(file("a.csv", "2025-02-30,10,11,9,10,5"), 1, "bad date '2025-02-30'");
            assertFails(file("b.csv", "01/02/2025,10,11,9,10,5"), 1, "bad date '01/02/2025'");
            assertFails(file("c.csv", "2025-01-01 25:00,10,11,9,10,5"), 1, "bad date '2025-01-01 25:00'");
        }

        @Test
        void rejectsTimestampsOutOfOrder() throws IOException {
            assertFails(file("x.csv", "2025-01-02,10,11,9,10,5", "2025-01-01,10,11,9,10,5"),
                    2, "timestamp 2025-01-01 out of order: before 2025-01-02 on line 1");
        }

        @Test
        void rejectsDuplicateTimestampsEvenWrittenDifferently() throws IOException {
            assertFails(file("x.csv", "2025-01-02,10,11,9,10,5", "", "2025-01-02T09:15:00+05:30,10,11,9,10,5"),
                    3, "duplicate timestamp 2025-01-02T09:15:00+05:30 (also on line 1)");
        }

        @Test
        void rejectsAnEmptyFileAndAHeaderWithoutRows() throws IOException {
            assertFails(file("x.csv"), 0, "empty file");
            assertFails(file("y.csv", "date,open,high,low,close,volume"), 0, "no rows after the header");
        }

        @Test
        void rejectsAHeaderMissingAColumnOrNamingOneTwice() throws IOException {
            assertFails(file("a.csv", "date,open,high,low,close"), 1, "header has no volume column");
            assertFails(file("b.csv", "open,high,low,close,volume"), 1,
                    "header has no date, datetime, timestamp or time column");
            assertFails(file("c.csv", "date,open,high,low,close,volume,Close"), 1,
                    "header names the close column twice");
        }

        @Test
        void reportsAMissingFile() {
            Path missing = dir.resolve("missing.csv");

            assertThatThrownBy(() -> reader.read(missing))
                    .isInstanceOf(BarFileException.class)
                    .hasMessageStartingWith(missing + ": cannot read: java.nio.file.NoSuchFileException");
        }

        @Test
        void rejectsAFileNameThatIsNoSymbol() throws IOException {
            Path file = file("_x.csv", "2025-01-01,10,11,9,10,5");

            assertThatThrownBy(() -> reader.read(file))
                    .isInstanceOf(BarFileException.class)
                    .hasMessage(file + ": cannot take a symbol from the file name: invalid symbol: '' "
                            + "(use upper-case letters, digits, '&', '_', '.' or '-')");
        }
    }

    @Nested
    class SkipMode {

        @Test
        void skipsBadRowsAndReportsEachWithFileLineAndReason() throws IOException {
            Path file = file("x.csv",
                    "date,open,high,low,close,volume",
                    "2025-01-01,10,11,9,10,5",
                    "2025-01-02,10,11,9,ten,5",
                    "2025-01-03,10,11",
                    "2024-12-31,10,11,9,10,5",
                    "2025-01-06,10,11,9,10,5",
                    "2025-01-06,10,11,9,10,6",
                    "2025-01-07,10,9,11,10,5",
                    "2025-01-08,10,11,9,10,7");

            BarFile result = reader.skipBadRows(true).read(file);

            assertThat(result.bars()).extracting(Bar::time).containsExactly(
                    ist("2025-01-01T09:15:00"), ist("2025-01-06T09:15:00"), ist("2025-01-08T09:15:00"));
            assertThat(result.skipped()).containsExactly(
                    file + ", line 3: non-numeric close 'ten'",
                    file + ", line 4: wrong number of columns: expected 6, found 3",
                    file + ", line 5: timestamp 2024-12-31 out of order: before 2025-01-01 on line 2",
                    file + ", line 7: duplicate timestamp 2025-01-06 (also on line 6)",
                    file + ", line 8: high 9.00 < low 11.00");
        }

        @Test
        void stillFailsOnProblemsWithTheWholeFile() throws IOException {
            Path file = file("x.csv", "date,open,high,low,close");

            assertThatThrownBy(() -> reader.skipBadRows(true).read(file))
                    .isInstanceOf(BarFileException.class)
                    .hasMessage(file + ", line 1: header has no volume column");
        }

        @Test
        void isOffByDefaultAndCanBeTurnedOffAgain() {
            assertThat(reader.skipsBadRows()).isFalse();
            assertThat(reader.skipBadRows(true).skipsBadRows()).isTrue();
            assertThat(reader.skipBadRows(true).skipBadRows(false).skipsBadRows()).isFalse();
        }
    }
}
