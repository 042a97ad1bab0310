package com.quantdesk.app.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names that the alert and recording rules and the Grafana dashboards read: the raw
 * series names as a scrape shows them ({@code quantdesk_http_requests_seconds_bucket}, not the
 * histogram's family), without recording-rule names (those contain {@code ':'}).
 *
 * <p>Not a PromQL parser: it removes what cannot be a metric name — string literals, label
 * matchers, grouping label lists, range selectors, offsets, template variables, numbers and
 * durations — and keeps the identifiers left that are neither a function call nor a keyword.
 */
public final class OpsMetricNames {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\$\\{[^}]*}|\\$\\w+|\\[\\[\\w+(?::\\w+)?]]");
    private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^{}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\[\\]]*]");
    private static final Pattern LABEL_LIST = Pattern.compile(
            "\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^()]*\\)");
    private static final Pattern OFFSET = Pattern.compile("\\boffset\\s+-?[0-9a-zA-Z.]+");
    private static final Pattern AT = Pattern.compile("@\\s*[0-9.]+");
    private static final Pattern COMMENT = Pattern.compile("#[^\\n]*");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w:])(?:0x[0-9a-fA-F]+|[0-9]*\\.?[0-9]+(?:[eE][+-]?[0-9]+)?[a-zA-Z0-9]*)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    /** Words of the language that look like identifiers where they are not followed by a parenthesis. */
    private static final Set<String> KEYWORDS = Set.of(
            "and", "or", "unless", "bool", "by", "without", "on", "ignoring", "group_left", "group_right",
            "offset", "atan2", "inf", "nan", "le");

    private OpsMetricNames() {
    }

    /** The metric names one PromQL expression reads. */
    static SortedSet<String> inExpression(String promql) {
        String rest = COMMENT.matcher(STRING.matcher(promql).replaceAll(" ")).replaceAll(" ");
        rest = TEMPLATE_VARIABLE.matcher(rest).replaceAll(" ");
        rest = LABEL_MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGE.matcher(rest).replaceAll(" ");
        rest = LABEL_LIST.matcher(rest).replaceAll(" ");
        rest = OFFSET.matcher(rest).replaceAll(" ");
        rest = AT.matcher(rest).replaceAll(" ");
        rest = NUMBER.matcher(rest).replaceAll(" ");
        SortedSet<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(rest);
        while (identifier.find()) {
            String word = identifier.group();
            if (!word.contains(":") && !KEYWORDS.contains(word.toLowerCase()) && !calledAt(rest, identifier.end())) {
                names.add(word);
            }
        }
        return names;
    }

    /** The metric names every {@code expr} of the alert and recording rules of a Prometheus rule file reads. */
    static SortedSet<String> inRuleFile(Path file) {
        SortedSet<String> names = new TreeSet<>();
        for (String expr : ruleExpressions(file)) {
            names.addAll(inExpression(expr));
        }
        return names;
    }

    /** The metric names every target {@code expr} of a Grafana dashboard's panels reads. */
    static SortedSet<String> inDashboard(Path file) {
        SortedSet<String> names = new TreeSet<>();
        for (String expr : dashboardExpressions(file)) {
            names.addAll(inExpression(expr));
        }
        return names;
    }

    /** Whether a series only a live process has (Kite and the broker adapter). */
    public static boolean liveOnly(String name) {
        return name.startsWith("quantdesk_kite_") || name.startsWith("quantdesk_broker_");
    }

    /** Everything the rule files and dashboards under {@code ops/} read. */
    public static SortedSet<String> inOps() {
        SortedSet<String> names = new TreeSet<>();
        OpsFiles.ruleFiles().forEach(f -> names.addAll(inRuleFile(f)));
        OpsFiles.dashboards().forEach(f -> names.addAll(inDashboard(f)));
        return names;
    }

    static List<String> ruleExpressions(Path file) {
        List<String> exprs = new ArrayList<>();
        for (JsonNode group : read(YAML, file).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                exprs.add(rule.path("expr").asText());
            }
        }
        return exprs;
    }

    static List<String> dashboardExpressions(Path file) {
        List<String> exprs = new ArrayList<>();
        collectTargets(read(JSON, file).path("panels"), exprs);
        return exprs;
    }

    // A collapsed row keeps its panels inside itself.
    private static void collectTargets(JsonNode panels, List<String> exprs) {
        for (JsonNode panel : panels) {
            for (JsonNode target : panel.path("targets")) {
                if (target.hasNonNull("expr")) {
                    exprs.add(target.path("expr").asText());
                }
            }
            collectTargets(panel.path("panels"), exprs);
        }
    }

    private static boolean calledAt(String text, int afterWord) {
        int i = afterWord;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '(';
    }

    private static JsonNode read(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
