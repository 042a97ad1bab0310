package com.quantdesk.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The provisioned dashboards load, name themselves uniquely and query the provisioned Prometheus. */
class GrafanaDashboardsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyDashboardHasAUniqueUidAndTitle() throws IOException {
        List<Path> dashboards = OpsFiles.dashboards();
        assertThat(dashboards).hasSizeGreaterThanOrEqualTo(7);
        Set<String> uids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (Path file : dashboards) {
            JsonNode dashboard = JSON.readTree(file.toFile());
            assertThat(dashboard.path("uid").asText()).as(file.toString()).isNotBlank();
            assertThat(uids.add(dashboard.path("uid").asText())).as("uid of " + file + " is unique").isTrue();
            assertThat(titles.add(dashboard.path("title").asText())).as("title of " + file + " is unique").isTrue();
            assertThat(dashboard.path("schemaVersion").asInt()).as(file.toString()).isGreaterThanOrEqualTo(36);
        }
    }

    @Test
    void everyPanelQueriesTheProvisionedPrometheus() throws IOException {
        String uid = provisionedPrometheusUid();
        for (Path file : OpsFiles.dashboards()) {
            List<JsonNode> panels = dataPanels(JSON.readTree(file.toFile()).path("panels"));
            assertThat(panels).as(file.toString()).isNotEmpty();
            for (JsonNode panel : panels) {
                String where = file.getFileName() + ": " + panel.path("title").asText();
                assertThat(panel.path("datasource").path("uid").asText()).as(where).isEqualTo(uid);
                JsonNode targets = panel.path("targets");
                assertThat(targets.size()).as(where).isPositive();
                for (JsonNode target : targets) {
                    assertThat(target.path("expr").asText()).as(where).isNotBlank();
                    assertThat(target.path("datasource").path("uid").asText()).as(where).isEqualTo(uid);
                }
            }
        }
    }

    @Test
    void templateVariablesQueryTheProvisionedPrometheus() throws IOException {
        String uid = provisionedPrometheusUid();
        for (Path file : OpsFiles.dashboards()) {
            for (JsonNode variable : JSON.readTree(file.toFile()).path("templating").path("list")) {
                if (variable.path("type").asText().equals("query")) {
                    assertThat(variable.path("datasource").path("uid").asText())
                            .as(file.getFileName() + ": $" + variable.path("name").asText()).isEqualTo(uid);
                }
            }
        }
    }

    @Test
    void theProviderLoadsDashboardsFromGrafanasDashboardDirectory() throws IOException {
        JsonNode provider = YAML.readTree(OpsFiles.root().resolve("ops/grafana/provisioning/dashboards/quantdesk.yml")
                .toFile()).path("providers").path(0);
        assertThat(provider.path("type").asText()).isEqualTo("file");
        assertThat(provider.path("options").path("path").asText()).isEqualTo("/var/lib/grafana/dashboards");
    }

    private static String provisionedPrometheusUid() throws IOException {
        JsonNode source = YAML.readTree(OpsFiles.root().resolve("ops/grafana/provisioning/datasources/prometheus.yml")
                .toFile()).path("datasources").path(0);
        assertThat(source.path("type").asText()).isEqualTo("prometheus");
        assertThat(source.path("url").asText()).isEqualTo("http://prometheus:9090");
        return source.path("uid").asText();
    }

    // Rows only group panels (a collapsed one holds its panels inside itself); every other panel draws a query.
    private static List<JsonNode> dataPanels(JsonNode panels) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode panel : panels) {
            if (panel.path("type").asText().equals("row")) {
                found.addAll(dataPanels(panel.path("panels")));
            } else {
                found.add(panel);
            }
        }
        return found;
    }
}
