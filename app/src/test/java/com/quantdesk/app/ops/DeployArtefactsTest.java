package com.quantdesk.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.quantdesk.app.QuantdeskCommand;
import com.quantdesk.app.paper.PaperConfigLoader;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The deployment artefacts under {@code deploy/} and the runbooks under {@code docs/runbooks/} say
 * what the code does: real flags and subcommands, real routes, secrets only as files, the hardening
 * each platform offers, one engine replica, and the same stop timeout everywhere.
 */
class DeployArtefactsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = OpsFiles.root();
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final Path RUNBOOKS = ROOT.resolve("docs/runbooks");
    /** Seconds between SIGTERM and SIGKILL, the same for systemd, compose and Kubernetes. */
    private static final int STOP_SECONDS = 60;
    /** Every secret the process reads from its environment; each must arrive as NAME_FILE. */
    private static final Set<String> SECRET_ENV = Set.of("DATABASE_URL", "REDIS_URL", "QD_ADMIN_PASSWORD",
            "QD_JOURNAL_KEY", "QD_BACKUP_KEY", "QD_SERVER_KEY", "QD_JWT_KEY", "QD_TLS_PASSWORD", "KITE_API_SECRET",
            "KITE_ACCESS_TOKEN", "DATA_ENCRYPTION_KEY");
    private static final Set<String> FILE_ENV = Set.of("DATABASE_URL_FILE", "REDIS_URL_FILE",
            "QD_ADMIN_PASSWORD_FILE", "QD_JOURNAL_KEY_FILE", "QD_BACKUP_KEY_FILE", "KITE_API_SECRET_FILE",
            "DATA_ENCRYPTION_KEY_FILE");
    /** A name that looks like a secret; Kite's api key is not one (it is in every login URL). */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|_KEY)$");
    private static final Set<String> GO_LIVE_ANCHORS = Set.of("network-isolation", "on-call", "algo-approval",
            "sandbox-dry-run", "key-custody", "offsite-backup", "capacity-review", "go-live-approval");

    // ---------------------------------------------------------------- container image

    @Test
    void dockerfileBuildsInStagesAndRunsAsANumericUserWithAHealthCheck() throws IOException {
        List<String> lines = dockerfile();
        List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
        List<String> users = lines.stream().filter(l -> l.startsWith("USER ")).toList();

        assertThat(froms).hasSizeGreaterThanOrEqualTo(2);
        assertThat(froms.getFirst()).contains("temurin-21");
        assertThat(froms.getLast()).contains("eclipse-temurin:21-jre");
        assertThat(users).isNotEmpty();
        String user = users.getLast().substring(5).strip().split(":")[0];
        assertThat(user).as("the final USER is a uid").matches("\\d+");
        assertThat(Integer.parseInt(user)).as("the final USER is not root").isPositive();
        assertThat(lines).anyMatch(l -> l.startsWith("HEALTHCHECK ") && l.contains("HealthProbe") && l.contains("/health"));
        assertThat(lines).anyMatch(l -> l.startsWith("VOLUME ") && l.contains("\"/var/lib/quantdesk\""));
    }

    @Test
    void everyFileTheDockerfileCopiesIsInTheBuildContext() throws IOException {
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        for (String line : dockerfile()) {
            if (!line.startsWith("COPY ") || line.contains("--from=")) {
                continue;
            }
            List<String> words = ShellCommands.words(line).stream().filter(w -> !w.startsWith("--")).toList();
            for (String source : words.subList(1, words.size() - 1)) {
                assertThat(ROOT.resolve(source)).as(line).exists();
                assertThat(ignored).as(source + " is excluded by .dockerignore").noneMatch(source::equals);
            }
        }
    }

    @Test
    void healthProbeSucceedsOnlyWhenTheUrlAnswers2xx(@TempDir Path classes) throws IOException, InterruptedException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.createContext("/down", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            // Compiled the way the image's build stage compiles it (the JRE has no compiler).
            int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "21", "-d",
                    classes.toString(), DEPLOY.resolve("docker/HealthProbe.java").toString());
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> probe = List.of(java, "-XX:TieredStopAtLevel=1", "-cp", classes.toString(), "HealthProbe");

            assertThat(compiled).isZero();
            assertThat(run(concat(probe, base + "/health"), ROOT).exitCode()).isZero();
            assertThat(run(concat(probe, base + "/down"), ROOT).exitCode()).isEqualTo(1);
        } finally {
            server.stop(0);
        }
    }

    // ---------------------------------------------------------------- compose

    @Test
    void composeRunsTheWholeStackWithAHardenedQuantdesk() throws IOException {
        JsonNode services = compose().path("services");

        assertThat(fieldNames(services)).contains("quantdesk", "postgres", "redis", "prometheus", "grafana");
        JsonNode quantdesk = services.path("quantdesk");
        assertThat(quantdesk.path("read_only").asBoolean()).isTrue();
        assertThat(texts(quantdesk.path("tmpfs"))).anyMatch(t -> t.startsWith("/tmp"));
        assertThat(texts(quantdesk.path("cap_drop"))).containsExactly("ALL");
        assertThat(texts(quantdesk.path("security_opt"))).contains("no-new-privileges:true");
        assertThat(quantdesk.path("stop_grace_period").asText()).isEqualTo(STOP_SECONDS + "s");
        assertThat(services.path("redis").path("command").toString()).contains("--requirepass")
                .contains("/run/secrets/redis_password");
        assertThat(texts(services.path("prometheus").path("volumes")))
                .anyMatch(v -> v.startsWith("../../ops/prometheus/rules:"));
        assertThat(texts(services.path("grafana").path("volumes")))
                .anyMatch(v -> v.startsWith("../../ops/grafana/provisioning:"))
                .anyMatch(v -> v.startsWith("../../ops/grafana/dashboards:"));
        for (JsonNode service : services) {
            for (String volume : texts(service.path("volumes"))) {
                if (volume.startsWith(".")) {
                    assertThat(DEPLOY.resolve("compose").resolve(volume.split(":")[0]).normalize()).exists();
                }
            }
        }
    }

    @Test
    void composeHandsEverySecretOverAsAFile() throws IOException {
        JsonNode compose = compose();
        Set<String> declared = fieldNames(compose.path("secrets"));
        for (String name : declared) {
            assertThat(compose.path("secrets").path(name).path("file").asText()).isEqualTo("./secrets/" + name);
        }
        compose.path("services").properties().forEach(entry -> {
            JsonNode service = entry.getValue();
            Set<String> mounted = new HashSet<>(texts(service.path("secrets")));
            assertThat(declared).as(entry.getKey() + "'s secrets are declared").containsAll(mounted);
            environment(service).forEach((name, value) -> {
                String where = entry.getKey() + ": " + name;
                assertThat(value).as(where + " carries no credentials").doesNotContainPattern("://[^/]*@");
                if (name.endsWith("_FILE")) {
                    assertThat(value).as(where).startsWith("/run/secrets/");
                    assertThat(mounted).as(where + " names a secret of the service")
                            .contains(value.substring("/run/secrets/".length()));
                } else {
                    assertThat(isSecretName(name)).as(where + " is a secret in clear; use " + name + "_FILE").isFalse();
                }
            });
        });
        assertThat(environment(compose.path("services").path("quantdesk")).keySet()).containsAll(FILE_ENV);
    }

    @Test
    void initSecretsWritesEveryDeclaredSecretReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("init-secrets.sh");
        Files.copy(DEPLOY.resolve("compose/init-secrets.sh"), script);

        Result first = run(List.of("bash", script.toString()), dir);
        String url = Files.readString(dir.resolve("secrets/database_url"));
        Result second = run(List.of("bash", script.toString()), dir);

        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(second.exitCode()).as(second.output()).isZero();
        for (String name : fieldNames(compose().path("secrets"))) {
            Path file = dir.resolve("secrets").resolve(name);
            assertThat(file).as(name).exists();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(name).isEqualTo("rw-------");
        }
        assertThat(Files.readString(dir.resolve("secrets/qd_journal_key"))).matches("[0-9a-f]{64}");
        assertThat(url).contains(":" + Files.readString(dir.resolve("secrets/postgres_password")) + "@postgres:5432/");
        assertThat(Files.readString(dir.resolve("secrets/database_url"))).as("a second run keeps the secrets").isEqualTo(url);
        assertThat(Files.readAllLines(DEPLOY.resolve("compose/secrets/.gitignore"))).contains("*", "!.gitignore");
    }

    @Test
    void composePrometheusLoadsTheOpsRulesAndScrapesQuantdesk() throws IOException {
        JsonNode config = YAML.readTree(DEPLOY.resolve("compose/prometheus.yml").toFile());

        for (String rules : texts(config.path("rule_files"))) {
            assertThat(rules).startsWith("/etc/prometheus/rules/");
            assertThat(OpsFiles.prometheus().resolve("rules").resolve(Path.of(rules).getFileName())).exists();
        }
        JsonNode job = config.path("scrape_configs").get(0);
        assertThat(job.path("job_name").asText()).isEqualTo("quantdesk");
        assertThat(job.path("static_configs").get(0).path("targets").get(0).asText()).isEqualTo("quantdesk:8080");
        assertThat(job.path("authorization").path("credentials_file").asText()).isEqualTo("/run/secrets/prometheus_api_key");
    }

    // ---------------------------------------------------------------- Kubernetes

    @Test
    void kubernetesRunsOneRecreatedHardenedEngineWithRealProbes() throws IOException {
        JsonNode deployment = k8s("Deployment");
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);

        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(1);
        assertThat(deployment.path("spec").path("strategy").path("type").asText()).isEqualTo("Recreate");
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/health");
        assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/health");
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/ready");
        assertThat(serverPaths()).contains("/health", "/ready");
        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.path("securityContext").path("seccompProfile").path("type").asText()).isEqualTo("RuntimeDefault");
        assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isEqualTo(STOP_SECONDS);
        JsonNode security = container.path("securityContext");
        assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(texts(security.path("capabilities").path("drop"))).containsExactly("ALL");
        assertThat(container.path("resources").path("requests").path("memory").asText()).isNotBlank();
        assertThat(container.path("resources").path("limits").path("memory").asText()).isNotBlank();
        assertThat(mountPaths(container)).contains("/tmp", "/var/lib/quantdesk");
    }

    @Test
    void kubernetesReadsSecretsFromTheMountedSecretOnly() throws IOException {
        JsonNode pod = k8s("Deployment").path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);
        JsonNode secretVolume = null;
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.has("secret")) {
                secretVolume = volume;
            }
        }
        assertThat(secretVolume).as("a secret volume").isNotNull();
        String mount = null;
        for (JsonNode m : container.path("volumeMounts")) {
            if (m.path("name").asText().equals(secretVolume.path("name").asText())) {
                mount = m.path("mountPath").asText();
            }
        }
        assertThat(mount).isNotNull();
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode variable : container.path("env")) {
            assertThat(variable.has("valueFrom") && variable.path("valueFrom").has("secretKeyRef")
                    && !variable.path("name").asText().endsWith("_FILE")).as("secret values arrive as files").isFalse();
            env.put(variable.path("name").asText(), variable.path("value").asText());
        }
        assertThat(env.keySet()).containsAll(FILE_ENV);
        for (Map.Entry<String, String> variable : env.entrySet()) {
            if (variable.getKey().endsWith("_FILE")) {
                assertThat(variable.getValue()).as(variable.getKey()).startsWith(mount + "/");
            } else {
                assertThat(isSecretName(variable.getKey())).as(variable.getKey() + " in clear").isFalse();
            }
        }
    }

    @Test
    void kubernetesServiceBudgetAndPolicySelectTheEnginePod() throws IOException {
        JsonNode template = k8s("Deployment").path("spec").path("template");
        Map<String, String> labels = strings(template.path("metadata").path("labels"));
        JsonNode container = template.path("spec").path("containers").get(0);
        JsonNode port = container.path("ports").get(0);
        JsonNode service = k8s("Service");
        JsonNode budget = k8s("PodDisruptionBudget");
        JsonNode policy = k8s("NetworkPolicy");

        assertThat(labels).containsAllEntriesOf(strings(service.path("spec").path("selector")));
        assertThat(service.path("spec").path("ports").get(0).path("targetPort").asText()).isEqualTo(port.path("name").asText());
        assertThat(labels).containsAllEntriesOf(strings(budget.path("spec").path("selector").path("matchLabels")));
        assertThat(budget.path("spec").path("maxUnavailable").asInt(-1) == 0
                || budget.path("spec").path("minAvailable").asInt() == 1).as("no voluntary eviction").isTrue();
        assertThat(labels).containsAllEntriesOf(strings(policy.path("spec").path("podSelector").path("matchLabels")));
        assertThat(texts(policy.path("spec").path("policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
        for (JsonNode rule : policy.path("spec").path("ingress")) {
            assertThat(rule.path("ports").get(0).path("port").asInt()).isEqualTo(port.path("containerPort").asInt());
        }
        Set<Integer> egressPorts = new HashSet<>();
        policy.path("spec").path("egress").forEach(rule -> rule.path("ports").forEach(p -> egressPorts.add(p.path("port").asInt())));
        assertThat(egressPorts).containsExactlyInAnyOrder(53, 5432, 6379, 443);
    }

    @Test
    void kubernetesVolumesNameObjectsOfTheKustomization() throws IOException {
        JsonNode pod = k8s("Deployment").path("spec").path("template").path("spec");
        Set<String> claims = new HashSet<>();
        Set<String> configMaps = new HashSet<>();
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.has("persistentVolumeClaim")) {
                claims.add(volume.path("persistentVolumeClaim").path("claimName").asText());
            }
            if (volume.has("configMap")) {
                configMaps.add(volume.path("configMap").path("name").asText());
            }
        }
        assertThat(names("PersistentVolumeClaim")).containsAll(claims).isNotEmpty();
        assertThat(names("ConfigMap")).containsAll(configMaps).isNotEmpty();
        assertThat(names("Namespace")).containsExactly(YAML.readTree(DEPLOY.resolve("k8s/kustomization.yaml").toFile())
                .path("namespace").asText());
    }

    @Test
    void bundledTradingConfigurationsLoad(@TempDir Path dir) throws IOException {
        Path fromConfigMap = dir.resolve("quantdesk.yaml");
        Files.writeString(fromConfigMap, k8s("ConfigMap").path("data").path("quantdesk.yaml").asText());

        assertThat(PaperConfigLoader.load(fromConfigMap).accounts()).isNotEmpty();
        assertThat(PaperConfigLoader.load(DEPLOY.resolve("compose/quantdesk.yaml")).accounts()).isNotEmpty();
    }

    @Test
    void kustomizeBuildsTheManifestsWhenKubectlIsInstalled() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed");

        Result build = run(List.of("kubectl", "kustomize", DEPLOY.resolve("k8s").toString()), ROOT);

        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(build.output()).contains("kind: Deployment").contains("namespace: quantdesk");
    }

    // ---------------------------------------------------------------- systemd

    @Test
    void systemdUnitIsHardenedAndStopsWithinTheSharedTimeout() throws IOException {
        Map<String, List<String>> service = unitSection("Service");

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("NoNewPrivileges", "yes");
        expected.put("ProtectSystem", "strict");
        expected.put("ProtectHome", "yes");
        expected.put("PrivateTmp", "yes");
        expected.put("PrivateDevices", "yes");
        expected.put("ProtectKernelTunables", "yes");
        expected.put("ProtectKernelModules", "yes");
        expected.put("ProtectKernelLogs", "yes");
        expected.put("ProtectControlGroups", "yes");
        expected.put("CapabilityBoundingSet", "");
        expected.put("KillSignal", "SIGTERM");
        expected.put("TimeoutStopSec", String.valueOf(STOP_SECONDS));
        expected.put("Restart", "on-failure");
        expected.put("DynamicUser", "yes");
        expected.forEach((key, value) -> assertThat(service.get(key)).as(key).isNotNull().contains(value));
        assertThat(service.get("SystemCallFilter")).contains("@system-service");
        assertThat(String.join(" ", service.get("RestrictAddressFamilies"))).contains("AF_INET");
        assertThat(service.get("StateDirectory").getFirst()).contains("quantdesk");
        Set<String> credentials = new HashSet<>();
        service.get("LoadCredential").forEach(c -> credentials.add(c.substring(0, c.indexOf(':'))));
        Map<String, String> env = new HashMap<>();
        service.get("Environment").forEach(e -> env.put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1)));
        assertThat(env.keySet()).containsAll(FILE_ENV);
        env.forEach((name, value) -> {
            if (name.endsWith("_FILE")) {
                assertThat(value).as(name).startsWith("%d/");
                assertThat(credentials).as(name + " names a loaded credential").contains(value.substring(3));
            } else {
                assertThat(isSecretName(name)).as(name + " in clear").isFalse();
            }
        });
    }

    @Test
    void systemdAnalyzeVerifiesTheUnitWhenInstalled(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("systemd-analyze"), "systemd-analyze is not installed");
        // verify insists that ExecStart exists: point it at the launcher in this checkout.
        Path unit = dir.resolve("quantdesk.service");
        Files.writeString(unit, Files.readString(DEPLOY.resolve("systemd/quantdesk.service"))
                .replace("/opt/quantdesk/bin/quantdesk", DEPLOY.resolve("bin/quantdesk").toString()));

        Result verify = run(List.of("systemd-analyze", "verify", unit.toString()), dir);

        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).as("no warnings").isBlank();
    }

    // ---------------------------------------------------------------- commands and documents

    @Test
    void everyCommandLineInTheArtefactsParses() throws IOException {
        List<List<String>> commands = new ArrayList<>();
        String cmd = dockerfile().stream().filter(l -> l.startsWith("CMD ")).findFirst().orElseThrow();
        commands.add(texts(JSON.readTree(cmd.substring(4))));
        commands.add(texts(compose().path("services").path("quantdesk").path("command")));
        commands.add(texts(k8s("Deployment").path("spec").path("template").path("spec").path("containers").get(0).path("args")));
        commands.addAll(ShellCommands.invocations(String.join("\n", unitSection("Service").get("ExecStart"))));

        assertThat(commands).hasSize(4).allMatch(c -> c.contains("--data-dir"));
        commands.forEach(DeployArtefactsTest::assertParses);
    }

    @Test
    void everyQuantdeskCommandInTheDocumentsParses() throws IOException {
        int found = 0;
        for (Path doc : documents()) {
            for (String block : ShellCommands.codeBlocks(Files.readString(doc))) {
                for (List<String> command : ShellCommands.invocations(block)) {
                    assertParses(command);
                    found++;
                }
            }
        }
        assertThat(found).as("quantdesk commands in the deployment documents").isGreaterThan(10);
    }

    @Test
    void everyRunbookIsIndexedAndEverySectionHasACommand() throws IOException {
        String index = Files.readString(RUNBOOKS.resolve("README.md"));
        Set<String> linked = new HashSet<>();
        Matcher link = Pattern.compile("\\]\\(([^)#]+\\.md)(#[^)]*)?\\)").matcher(index);
        while (link.find()) {
            linked.add(link.group(1));
            assertThat(RUNBOOKS.resolve(link.group(1))).as("linked from the index").exists();
        }
        for (Path runbook : runbooks()) {
            assertThat(linked).as("the index links " + runbook.getFileName()).contains(runbook.getFileName().toString());
            for (Map.Entry<String, String> section : sections(Files.readString(runbook)).entrySet()) {
                assertThat(ShellCommands.codeBlocks(section.getValue()))
                        .as(runbook.getFileName() + " § " + section.getKey() + " has a command").isNotEmpty();
            }
        }
        for (Path rules : OpsFiles.ruleFiles()) {
            Matcher runbook = Pattern.compile("runbook: (docs/runbooks/\\S+\\.md)").matcher(Files.readString(rules));
            while (runbook.find()) {
                assertThat(ROOT.resolve(runbook.group(1))).as(rules.getFileName() + " names a runbook").exists();
            }
        }
    }

    @Test
    void goLiveRemindersHaveTheAnchorsThePreflightLinksTo() throws IOException {
        Map<String, String> sections = sections(Files.readString(RUNBOOKS.resolve("go-live-reminders.md")));
        Set<String> anchors = new HashSet<>();
        sections.forEach((heading, body) -> {
            anchors.add(anchor(heading));
            assertThat(body).as(heading + " says how to record it").containsIgnoringCase("record");
        });

        assertThat(anchors).containsAll(GO_LIVE_ANCHORS);
    }

    @Test
    void incidentResponseThrowsTheRealKillSwitchFirst() throws IOException {
        String runbook = Files.readString(RUNBOOKS.resolve("incident-response.md"));
        String first = ShellCommands.codeBlocks(runbook).getFirst();

        assertThat(first).contains("curl").contains("-X POST").contains("/api/v1/risk/kill-switch");
        assertThat(openApi().path("paths").path("/api/v1/risk/kill-switch").has("post")).isTrue();
    }

    @Test
    void readmeLinksTheDeploymentGuideAndTheRunbooks() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));

        assertThat(readme).contains("(docs/deployment.md)").contains("(docs/runbooks/README.md)");
        assertThat(ROOT.resolve("docs/deployment.md")).exists();
    }

    // ---------------------------------------------------------------- helpers

    /** Building the command line's model is the costly part; picocli resets it before each parse. */
    private static final CommandLine COMMAND_LINE = QuantdeskCommand.commandLine(new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter()));

    private static void assertParses(List<String> args) {
        CommandLine commandLine = COMMAND_LINE;
        try {
            CommandLine.ParseResult parsed = commandLine.parseArgs(args.toArray(String[]::new));
            assertThat(parsed.hasSubcommand()).as("'quantdesk " + String.join(" ", args) + "' names a subcommand").isTrue();
        } catch (CommandLine.ParameterException e) {
            fail("'quantdesk " + String.join(" ", args) + "' does not parse: " + e.getMessage());
        }
    }

    private static boolean isSecretName(String name) {
        return SECRET_ENV.contains(name) || (SECRET_NAME.matcher(name).matches() && !name.equals("KITE_API_KEY"));
    }

    private static List<String> dockerfile() throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String raw : Files.readAllLines(DEPLOY.resolve("docker/Dockerfile"))) {
            if (raw.startsWith("#") && line.isEmpty()) {
                continue;
            }
            if (raw.endsWith("\\")) {
                line.append(raw, 0, raw.length() - 1).append(' ');
            } else {
                lines.add(line.append(raw).toString().strip());
                line.setLength(0);
            }
        }
        return lines;
    }

    private static JsonNode compose() throws IOException {
        return YAML.readTree(DEPLOY.resolve("compose/docker-compose.yml").toFile());
    }

    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode node = service.path("environment");
        if (node.isArray()) {
            node.forEach(e -> env.put(e.asText().split("=", 2)[0], e.asText().contains("=") ? e.asText().split("=", 2)[1] : ""));
        } else {
            node.properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        return env;
    }

    /** Every document of every file the kustomization lists, and the optional ServiceMonitor. */
    private static List<JsonNode> manifests() throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        Path dir = DEPLOY.resolve("k8s");
        for (String resource : texts(YAML.readTree(dir.resolve("kustomization.yaml").toFile()).path("resources"))) {
            assertThat(dir.resolve(resource)).as("kustomization resource").exists();
            try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(dir.resolve(resource).toFile())) {
                values.readAll().stream().filter(n -> n != null && !n.isMissingNode() && !n.isNull()).forEach(documents::add);
            }
        }
        return documents;
    }

    private static JsonNode k8s(String kind) throws IOException {
        List<JsonNode> found = manifests().stream().filter(m -> m.path("kind").asText().equals(kind)).toList();
        assertThat(found).as("one " + kind).hasSize(1);
        return found.getFirst();
    }

    private static Set<String> names(String kind) throws IOException {
        Set<String> names = new HashSet<>();
        manifests().stream().filter(m -> m.path("kind").asText().equals(kind))
                .forEach(m -> names.add(m.path("metadata").path("name").asText()));
        return names;
    }

    private static Set<String> mountPaths(JsonNode container) {
        Set<String> paths = new HashSet<>();
        container.path("volumeMounts").forEach(m -> paths.add(m.path("mountPath").asText()));
        return paths;
    }

    /** The routes of the API document, which the server's own test checks against its registered routes. */
    private static Set<String> serverPaths() throws IOException {
        return fieldNames(openApi().path("paths"));
    }

    private static JsonNode openApi() throws IOException {
        try (InputStream in = DeployArtefactsTest.class.getResourceAsStream("/com/quantdesk/server/api/openapi.json")) {
            assertThat(in).as("the server's API document on the class path").isNotNull();
            return JSON.readTree(in);
        }
    }

    /** A section of the unit file: key to its values in order (a key may repeat), continuation lines joined. */
    private static Map<String, List<String>> unitSection(String name) throws IOException {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        String text = Files.readString(DEPLOY.resolve("systemd/quantdesk.service")).replace("\\\n", " ");
        boolean inside = false;
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.startsWith("[")) {
                inside = l.equals("[" + name + "]");
            } else if (inside && !l.isEmpty() && !l.startsWith("#") && l.contains("=")) {
                keys.computeIfAbsent(l.substring(0, l.indexOf('=')), k -> new ArrayList<>()).add(l.substring(l.indexOf('=') + 1));
            }
        }
        return keys;
    }

    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(runbooks());
        docs.add(RUNBOOKS.resolve("README.md"));
        docs.add(ROOT.resolve("docs/deployment.md"));
        return docs;
    }

    private static List<Path> runbooks() throws IOException {
        try (Stream<Path> files = Files.list(RUNBOOKS)) {
            return files.filter(f -> f.toString().endsWith(".md") && !f.getFileName().toString().equals("README.md"))
                    .sorted().toList();
        }
    }

    /** The {@code ##} sections of a Markdown text: heading to body. */
    private static Map<String, String> sections(String markdown) {
        Map<String, String> sections = new LinkedHashMap<>();
        String heading = null;
        StringBuilder body = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                fenced = !fenced;
            }
            if (!fenced && line.startsWith("## ")) {
                if (heading != null) {
                    sections.put(heading, body.toString());
                }
                heading = line.substring(3).strip();
                body.setLength(0);
            } else if (heading != null) {
                body.append(line).append('\n');
            }
        }
        if (heading != null) {
            sections.put(heading, body.toString());
        }
        return sections;
    }

    /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
    static String anchor(String heading) {
        return heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> texts.add(n.isValueNode() ? n.asText() : n.toString()));
        } else if (node.isValueNode()) {
            texts.add(node.asText());
        }
        return texts;
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static List<String> concat(List<String> list, String last) {
        List<String> all = new ArrayList<>(list);
        all.add(last);
        return all;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }

    private static Result run(List<String> command, Path dir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command + " did not finish within 30 s");
        }
        return new Result(process.exitValue(), output);
    }

    private record Result(int exitCode, String output) {
    }
}
