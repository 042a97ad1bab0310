package com.quantdesk.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quantdesk.backtest.metrics.EquityPoint;
import com.quantdesk.backtest.metrics.PerformanceAnalyzer;
import com.quantdesk.backtest.metrics.PerformanceMetrics;
import com.quantdesk.backtest.metrics.RoundTrip;
import com.quantdesk.core.domain.Side;
import com.quantdesk.core.domain.Symbol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @Test
    void showsTheMetricsFormattedAsPercentagesRatiosAndIndianRupees() {
        // ₹10,00,000 -> ₹12,00,000 peak -> ₹9,60,000 (-20%) -> ₹12,34,567.89
        List<EquityPoint> curve = List.of(point(0, 10_00_000_00L), point(1, 12_00_000_00L),
                point(2, 9_60_000_00L), point(3, 12_34_567_89L));
        RoundTrip win = RoundTrip.of(Symbol.of("RELIANCE"), Side.BUY, 100, time(0, 9, 15), 2_450_00,
                time(1, 15, 20), 2_500_50, 65_25);
        RoundTrip loss = RoundTrip.of(Symbol.of("INFY"), Side.SELL, 50, time(2, 10, 0), 1_500_00,
                time(3, 11, 45), 1_520_00, 30_00);
        List<RoundTrip> trades = List.of(win, loss);

        String html = HtmlReport.render(data(curve, trades, Map.of()));

        assertThat(html)
                .contains("<title>SMA crossover</title>")
                .contains("₹10,00,000.00", "₹12,34,567.89")       // start and final equity
                .contains("23.46%")                                // total return 0.2345678...
                .contains("20.00%")                                // max drawdown
                .contains("50.00%")                                // win rate
                .contains("₹95.25")                                // total charges
                .contains("<th>Max drawdown duration</th><td class=\"num\">2d 0h</td>")  // day 1 to day 3
                .doesNotContain("NaN");
        // the trade rows: IST times, prices, gross, charges, net
        assertThat(html).contains("<td>RELIANCE</td><td>Long</td><td class=\"num\">100</td>"
                + "<td>2024-01-01 09:15</td><td class=\"num\">₹2,450.00</td><td>2024-01-02 15:20</td>"
                + "<td class=\"num\">₹2,500.50</td><td class=\"num pos\">₹5,050.00</td>"
                + "<td class=\"num\">₹65.25</td><td class=\"num pos\">₹4,984.75</td>");
        assertThat(html).contains("<td>INFY</td><td>Short</td>", "<td class=\"num neg\">-₹1,000.00</td>",
                "<td class=\"num neg\">-₹1,030.00</td>");
    }

    @Test
    void isSelfContained() {
        String html = HtmlReport.render(data(sampleCurve(), List.of(), Map.of("RISK_MAX_POSITION", 2L)));

        assertThat(html).doesNotContainIgnoringCase("http://").doesNotContainIgnoringCase("https://")
                .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContainIgnoringCase("@import").doesNotContainIgnoringCase("url(")
                .doesNotContain("src=");
        assertThat(html).contains("<style>", "<svg class=\"chart equity\"", "<svg class=\"chart drawdown\"");
    }

    @Test
    void escapesEveryPieceOfTextFromTheData() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("note", "<script>alert('x')</script>");
        parameters.put("a&b", "\"quoted\"");
        ReportData data = new ReportData("<b>title</b>", "<i>sub</i>", parameters,
                analyze(sampleCurve(), List.of()), sampleCurve(), List.of(), Map.of("<img src=x>", 1L), 1, 0);

        String html = HtmlReport.render(data);

        assertThat(html).doesNotContain("<script>", "<b>title", "<i>sub", "<img");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&lt;b&gt;title&lt;/b&gt;",
                "&lt;i&gt;sub&lt;/i&gt;", "<th>a&amp;b</th><td>&quot;quoted&quot;</td>", "&lt;img src=x&gt;");
    }

    @Test
    void keepsTheOrderOfParametersAndDenials() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("slow", "50");
        parameters.put("fast", "20");
        Map<String, Long> denials = new LinkedHashMap<>();
        denials.put("RISK_DAILY_LOSS", 3L);
        denials.put("RISK_MAX_POSITION", 12L);
        ReportData data = new ReportData("t", "s", parameters, analyze(sampleCurve(), List.of()), sampleCurve(),
                List.of(), denials, 40, 30);

        String html = HtmlReport.render(data);

        assertThat(html).containsSubsequence("<th>slow</th><td>50</td>", "<th>fast</th><td>20</td>");
        assertThat(html).containsSubsequence("Denials by reason", "<th>RISK_DAILY_LOSS</th><td class=\"num\">3</td>",
                "<th>RISK_MAX_POSITION</th><td class=\"num\">12</td>");
        assertThat(html).contains("<th>Orders submitted</th><td class=\"num\">40</td>",
                "<th>Fills</th><td class=\"num\">30</td>", "<th>Denied by risk checks</th><td class=\"num\">15</td>");
    }

    @Test
    void leavesOutTheDenialsTableWhenNothingWasDenied() {
        String html = HtmlReport.render(data(sampleCurve(), List.of(), Map.of()));

        assertThat(html).doesNotContain("Denials by reason");
    }

    @Test
    void rendersAnEmptyTradeList() {
        String html = HtmlReport.render(data(sampleCurve(), List.of(), Map.of()));

        assertThat(html).contains("No closed trades.").doesNotContain("<table class=\"trades\">");
        assertThat(html).contains("<th>Profit factor</th><td class=\"num\">0.00</td>");
    }

    @Test
    void rendersAOnePointCurveAsADot() {
        List<EquityPoint> curve = List.of(point(0, 5_00_000_00L));

        String html = HtmlReport.render(data(curve, List.of(), Map.of()));

        assertThat(html).contains("<circle class=\"dot\"", "₹5,00,000.00", ">01 Jan 15:30</text>")
                .doesNotContain("NaN", "Infinity");
    }

    @Test
    void showsAnInfiniteProfitFactorAsTheInfinitySign() {
        RoundTrip win = RoundTrip.of(Symbol.of("TCS"), Side.BUY, 1, time(0, 9, 15), 3_000_00, time(1, 9, 15),
                3_100_00, 0);

        String html = HtmlReport.render(data(sampleCurve(), List.of(win), Map.of()));

        assertThat(html).contains("<th>Profit factor</th><td class=\"num\">∞</td>");
    }

    @Test
    void labelsTheAxesWithRupeesAndIstDates() {
        String html = HtmlReport.render(data(sampleCurve(), List.of(), Map.of()));

        assertThat(html).contains(">₹10,00,000</text>", ">01 Jan 2024</text>", ">-20%</text>", ">0%</text>");
    }

    @Test
    void drawsAtMostTwoThousandPointsOfALongCurve() {
        List<EquityPoint> curve = new ArrayList<>();
        Instant start = Instant.parse("2024-01-01T03:45:00Z");
        for (int i = 0; i < 50_000; i++) {
            curve.add(new EquityPoint(start.plusSeconds(60L * i), 10_00_000_00L + (i % 997) * 1_000_00L, 0));
        }

        String html = HtmlReport.render(data(curve, List.of(), Map.of()));

        Matcher line = Pattern.compile("<path class=\"line\" d=\"([^\"]*)\"").matcher(html);
        assertThat(line.find()).isTrue();
        assertThat(line.group(1).split("[ML]").length - 1).isBetween(1_000, ReportCharts.MAX_POINTS);
        assertThat(html.length()).isLessThan(200_000);
    }

    @Test
    void rendersTheSameBytesForTheSameData() {
        ReportData data = data(sampleCurve(), List.of(), Map.of());

        assertThat(HtmlReport.render(data)).isEqualTo(HtmlReport.render(data));
    }

    @Test
    void writesTheReportAsUtf8CreatingDirectories(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("runs/report.html");
        ReportData data = data(sampleCurve(), List.of(), Map.of());

        HtmlReport.write(file, data);

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(HtmlReport.render(data));
    }

    @Test
    void rejectsAnEmptyCurve() {
        PerformanceMetrics metrics = analyze(sampleCurve(), List.of());

        assertThatThrownBy(() -> new ReportData("t", "s", Map.of(), metrics, List.of(), List.of(), Map.of(), 0, 0))
                .hasMessageContaining("empty");
    }

    private static ReportData data(List<EquityPoint> curve, List<RoundTrip> trades, Map<String, Long> denials) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("fast", "20");
        parameters.put("slow", "50");
        return new ReportData("SMA crossover", "NIFTY 50, daily bars", parameters, analyze(curve, trades), curve,
                trades, denials, 10, 8);
    }

    private static PerformanceMetrics analyze(List<EquityPoint> curve, List<RoundTrip> trades) {
        long charges = trades.stream().mapToLong(RoundTrip::chargesPaise).sum();
        return PerformanceAnalyzer.analyze(curve, trades, charges, 0.065);
    }

    /** ₹10,00,000 rising to ₹12,00,000, falling 20% and recovering, one point a day. */
    private static List<EquityPoint> sampleCurve() {
        return List.of(point(0, 10_00_000_00L), point(1, 12_00_000_00L), point(2, 9_60_000_00L),
                point(3, 11_00_000_00L), point(4, 12_50_000_00L));
    }

    private static EquityPoint point(int day, long equityPaise) {
        return new EquityPoint(time(day, 15, 30), equityPaise, 0);
    }

    private static Instant time(int day, int hour, int minute) {
        return LocalDate.of(2024, 1, 1).plusDays(day).atTime(LocalTime.of(hour, minute)).atZone(IST).toInstant();
    }
}
