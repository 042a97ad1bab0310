package com.quantdesk.app.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.assertj.core.api.Assertions.assertThat;

/** The production {@code logback.xml} in both formats: secrets never reach the file, JSON lines are whole. */
class LogFormatTest {

    private static final String KITE_KEY = "kiteapikey7731";
    private static final String KITE_ACCESS_TOKEN = "kiteAccessTok9QxZ";
    private static final String PASSWORD = "hunter2-Correct-Horse";
    private static final String API_KEY = "qdk_live_5f2a9c";
    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXZhbHVl";
    private static final String ARG_PASSWORD = "argPassw0rd!x";
    private static final String ARG_TOKEN = "argTokenValue42";
    private static final List<String> SECRETS = List.of(KITE_KEY, KITE_ACCESS_TOKEN, PASSWORD, API_KEY, JWT,
            "eyJzdWIiOiJhbGljZSJ9", ARG_PASSWORD, ARG_TOKEN);

    @TempDir
    Path dir;

    @Test
    void textFormatMasksSecretsInMessagesArgumentsAndExceptions() throws Exception {
        String text = logEverythingWith("text");

        assertThat(text).contains("INFO", "kite session opened", "[abc123]", "login attempt for alice",
                "IllegalStateException", "Authorization: token ****", "Bearer ****");
        assertThat(SECRETS).allSatisfy(secret -> assertThat(text).doesNotContain(secret));
    }

    @Test
    void jsonFormatIsOneValidObjectPerLineWithTheExpectedFieldsAndNoSecret() throws Exception {
        String json = logEverythingWith("json");

        assertThat(SECRETS).allSatisfy(secret -> assertThat(json).doesNotContain(secret));
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : json.split("\n")) {
            lines.add(mapper.readTree(line));
        }
        assertThat(lines).hasSize(4).allSatisfy(line -> {
            assertThat(line.hasNonNull("timestamp")).isTrue();
            assertThat(line.path("level").asText()).isIn("INFO", "ERROR");
            assertThat(line.path("logger").asText()).isEqualTo("com.quantdesk.test.LogFormat");
            assertThat(line.hasNonNull("message")).isTrue();
            assertThat(line.path("correlation_id").asText()).isEqualTo("abc123");
        });
        JsonNode withArguments = lines.get(2);
        assertThat(withArguments.path("password").asText()).isEqualTo(SecretMask.MASK);
        assertThat(withArguments.path("access_token").asText()).isEqualTo(SecretMask.MASK);
        assertThat(withArguments.path("order_id").asText()).isEqualTo("O-17");
        assertThat(lines.get(3).path("stack_trace").asText()).contains("IllegalStateException", "Bearer ****");
    }

    @Test
    void withoutALogDirectoryNothingIsWrittenToAFile() throws Exception {
        LoggerContext context = configure(Map.of("QD_LOG_FORMAT", "json"));
        try {
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            assertThat(root.getAppender("CONSOLE")).isNotNull();
            assertThat(root.iteratorForAppenders()).toIterable().hasSize(1);
            assertThat(root.getAppender("FILE")).isNull();
        } finally {
            context.reset();
        }
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    private String logEverythingWith(String format) throws JoranException, IOException {
        Path logs = dir.resolve(format);
        LoggerContext context = configure(Map.of("QD_LOG_FORMAT", format, "QD_LOG_DIR", logs.toString(),
                "QD_LOG_LEVEL", "INFO"));
        try {
            org.slf4j.Logger log = context.getLogger("com.quantdesk.test.LogFormat");
            MDC.put("correlation_id", "abc123");
            log.info("kite session opened with Authorization: token {}:{}", KITE_KEY, KITE_ACCESS_TOKEN);
            log.info("login attempt for alice with password={} and api_key={}", PASSWORD, API_KEY);
            log.info("order placed with {} for {}", kv("password", ARG_PASSWORD), kv("order_id", "O-17"),
                    kv("access_token", ARG_TOKEN));
            log.error("request failed", new IllegalStateException("the broker refused Authorization: Bearer " + JWT));
        } finally {
            MDC.remove("correlation_id");
            context.reset();
        }
        return Files.readString(logs.resolve("quantdesk.log"), StandardCharsets.UTF_8);
    }

    /** Puts the test configuration back on the process's logging. */
    @AfterEach
    void restoreTestLogging() throws JoranException {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig();
    }

    /**
     * The process's logging configured from the production file, as it would be with this environment
     * (the MDC of SLF4J belongs to it, so this is the context a request's log lines go through).
     */
    private LoggerContext configure(Map<String, String> environment) throws JoranException {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        // Only this configuration's problems count, not those of the test set-up's own.
        context.getStatusManager().clear();
        environment.forEach(context::putProperty);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        URL production = LogFormatTest.class.getClassLoader().getResource("logback.xml");
        assertThat(production).isNotNull();
        configurator.doConfigure(production);
        List<Status> errors = context.getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() >= Status.WARN).toList();
        assertThat(errors).as("logback configuration problems").isEmpty();
        return context;
    }
}
