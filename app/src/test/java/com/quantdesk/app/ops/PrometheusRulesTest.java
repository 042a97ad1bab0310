package com.quantdesk.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert and recording rules pass {@code promtool check rules} and their unit tests pass
 * {@code promtool test rules}. promtool comes with Debian's {@code prometheus} package; CI installs it,
 * and without it these tests fail rather than let broken rules through.
 */
class PrometheusRulesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern RULES_FOUND = Pattern.compile("SUCCESS: (\\d+) rules found");
    private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
    private static final Set<String> RUNBOOKS = Set.of("deployment.md", "rollback.md", "incident-response.md",
            "backup-and-restore.md", "database-failover.md", "broker-outage.md", "scaling.md");

    @Test
    void promtoolAcceptsEveryRuleFileAndCountsEveryRule() throws IOException {
        List<String> command = new ArrayList<>(List.of(promtool(), "check", "rules"));
        OpsFiles.ruleFiles().forEach(f -> command.add(f.toString()));

        Result check = run(command, OpsFiles.root());

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(rulesFound(check.output())).as(check.output()).isEqualTo(ruleCount());
    }

    @Test
    void ruleUnitTestsPass() {
        List<String> command = new ArrayList<>(List.of(promtool(), "test", "rules"));
        List<Path> tests = OpsFiles.ruleTests();
        assertThat(tests).isNotEmpty();
        tests.forEach(t -> command.add(OpsFiles.prometheus().relativize(t).toString()));

        Result test = run(command, OpsFiles.prometheus());

        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).doesNotContain("FAILED");
    }

    @Test
    void everyAlertHasASeveritySummaryDescriptionAndRunbook() throws IOException {
        int alerts = 0;
        for (Path file : OpsFiles.ruleFiles()) {
            for (JsonNode group : YAML.readTree(file.toFile()).path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    if (!rule.has("alert")) {
                        continue;
                    }
                    alerts++;
                    String name = rule.path("alert").asText();
                    assertThat(rule.path("labels").path("severity").asText()).as(name).isIn(SEVERITIES);
                    assertThat(rule.path("annotations").path("summary").asText()).as(name).isNotBlank();
                    assertThat(rule.path("annotations").path("description").asText()).as(name).isNotBlank();
                    String runbook = rule.path("annotations").path("runbook").asText();
                    assertThat(runbook).as(name).startsWith("docs/runbooks/");
                    assertThat(runbook.substring("docs/runbooks/".length())).as(name).isIn(RUNBOOKS);
                }
            }
        }
        assertThat(alerts).isGreaterThanOrEqualTo(25);
    }

    /** promtool parses every dashboard query when it is handed them as recording rules. */
    @Test
    void everyDashboardQueryIsValidPromQl(@TempDir Path dir) throws IOException {
        ObjectNode root = YAML.createObjectNode();
        ArrayNode rules = root.putArray("groups").addObject().put("name", "dashboards").putArray("rules");
        int n = 0;
        for (Path dashboard : OpsFiles.dashboards()) {
            for (String expr : OpsMetricNames.dashboardExpressions(dashboard)) {
                rules.addObject().put("record", "dashboard:query_" + n++)
                        .put("expr", expr.replaceAll("\\$\\{?(\\w+)}?", ".*"));
            }
        }
        Path file = dir.resolve("dashboard-queries.yml");
        Files.writeString(file, YAML.writeValueAsString(root));

        Result check = run(List.of(promtool(), "check", "rules", file.toString()), dir);

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(rulesFound(check.output())).isEqualTo(n);
    }

    private static int ruleCount() throws IOException {
        int count = 0;
        for (Path file : OpsFiles.ruleFiles()) {
            for (JsonNode group : YAML.readTree(file.toFile()).path("groups")) {
                count += group.path("rules").size();
            }
        }
        return count;
    }

    private static int rulesFound(String output) {
        Matcher found = RULES_FOUND.matcher(output);
        int total = 0;
        while (found.find()) {
            total += Integer.parseInt(found.group(1));
        }
        return total;
    }

    /** promtool on the PATH, else Debian's /usr/bin/promtool. */
    static String promtool() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of("/usr/bin"))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "promtool"))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst()
                .orElseGet(() -> fail("promtool is not installed (not on the PATH, not in /usr/bin): install Debian's "
                        + "`prometheus` package (apt-get install prometheus), which CI's .ci/run does"));
    }

    record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Path dir) {
        try {
            Path log = Files.createTempFile("promtool", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    fail(String.join(" ", command) + " did not finish within 120 s");
                }
                return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return fail("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted running " + String.join(" ", command), e);
        }
    }
}
