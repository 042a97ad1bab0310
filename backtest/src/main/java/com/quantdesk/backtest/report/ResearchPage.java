package com.quantdesk.backtest.report;

/** The frame shared by the sweep and walk-forward pages: head, stylesheet, title, footer. */
final class ResearchPage {

    /** What the research pages add to the report stylesheet: the heat map and its legend. */
    private static final String CSS = """
            svg.heatmap rect.cell { stroke: #fff; stroke-width: 1; }
            svg.heatmap rect.cell:hover { stroke: var(--ink); stroke-width: 2; }
            svg.heatmap rect.skipped { fill: #eceff3; }
            svg.heatmap text.label { fill: var(--ink); font-size: 11px; }
            svg.heatmap text.axis-title { fill: var(--ink); font-weight: 600; }
            .best td { font-weight: 600; }
            """;

    private ResearchPage() {
    }

    /** Starts a document: everything up to and including the page header. */
    static StringBuilder open(String title, String subtitle) {
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n<style>\n")
                .append(ReportStyle.CSS).append(CSS).append("</style>\n</head>\n<body>\n<main>\n<header>\n<h1>")
                .append(Html.escape(title)).append("</h1>\n<p class=\"subtitle\">").append(Html.escape(subtitle))
                .append("</p>\n</header>\n");
        return html;
    }

    /** Ends the document with a footer line. */
    static String close(StringBuilder html, String footer) {
        return html.append("<footer>").append(Html.escape(footer)).append("</footer>\n</main>\n</body>\n</html>\n")
                .toString();
    }

    /** A headline card. */
    static void card(StringBuilder html, String label, String value) {
        html.append("<div class=\"card\"><div class=\"label\">").append(Html.escape(label))
                .append("</div><div class=\"value\">").append(Html.escape(value)).append("</div></div>\n");
    }
}
