package com.quantdesk.server.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.quantdesk.server.http.ApiError;
import com.quantdesk.server.http.Json;
import com.quantdesk.server.trading.Alerts;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each channel against a real receiver on loopback: what arrives, exactly, and what is refused. */
class NotifyChannelsTest {

    static final Instant FIRED = Instant.parse("2026-03-02T04:15:30Z");
    static final Instant NOW = Instant.parse("2026-03-02T04:15:31Z");
    static final Notification HALT = new Notification("acc:RISK_MAX_DAILY_LOSS:2026-03-02", Alerts.Severity.CRITICAL,
            "acc", "RISK_MAX_DAILY_LOSS", "Daily loss limit hit", "daily loss 5,000.00 exceeds 4,000.00 <halted>",
            FIRED);
    static final String WEBHOOK_SECRET = "whsec-0123456789abcdef";
    static final String BOT_TOKEN = "123456789:AAH-test_token_value_0123456789";

    @TempDir
    static Path keys;

    static HttpClient client;

    @BeforeAll
    static void makeCertificate() throws Exception {
        TestSmtpServer.makeCertificate(keys);
        client = HttpDelivery.newClient();
    }

    @AfterAll
    static void closeClient() {
        client.close();
    }

    @Test
    void webhookPostsTheNotificationSignedSoTheReceiverCanVerifyIt() throws Exception {
        try (TestReceiver receiver = new TestReceiver()) {
            new WebhookChannel(client, receiver.url("/hooks/qd"), WEBHOOK_SECRET, InstantSource.fixed(NOW))
                    .deliver(HALT);

            TestReceiver.Request got = receiver.requests().getFirst();
            assertThat(got.method()).isEqualTo("POST");
            assertThat(got.path()).isEqualTo("/hooks/qd");
            assertThat(got.body()).isEqualTo("{\"key\":\"acc:RISK_MAX_DAILY_LOSS:2026-03-02\",\"severity\":\"critical\","
                    + "\"account\":\"acc\",\"code\":\"RISK_MAX_DAILY_LOSS\",\"title\":\"Daily loss limit hit\","
                    + "\"message\":\"daily loss 5,000.00 exceeds 4,000.00 <halted>\",\"time\":\"2026-03-02T04:15:30Z\"}");
            String timestamp = got.header("X-Quantdesk-Timestamp");
            assertThat(timestamp).isEqualTo(Long.toString(NOW.getEpochSecond()));
            // What a receiver does: recompute over timestamp + "." + raw body, compare in constant time.
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            byte[] expected = ("sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + got.body())
                    .getBytes(StandardCharsets.UTF_8)))).getBytes(StandardCharsets.US_ASCII);
            assertThat(MessageDigest.isEqual(expected, got.header("X-Quantdesk-Signature")
                    .getBytes(StandardCharsets.US_ASCII))).isTrue();
            assertThat(got.header("Content-Type")).startsWith("application/json");
        }
    }

    @Test
    void webhookAnswerOtherThan2xxIsAFailureWithTheStatus() {
        try (TestReceiver receiver = new TestReceiver().answering(503).withBody("{\"error\":\"down\"}")) {
            WebhookChannel channel = new WebhookChannel(client, receiver.url("/h"), WEBHOOK_SECRET,
                    InstantSource.fixed(NOW));

            assertThatThrownBy(() -> channel.deliver(HALT)).isInstanceOf(DeliveryException.class)
                    .hasMessage("the webhook at 127.0.0.1 answered 503: {\"error\":\"down\"}");
        }
    }

    @Test
    void unreachableWebhookIsAFailureNamingTheHost() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        WebhookChannel channel = new WebhookChannel(client, URI.create("http://127.0.0.1:" + port + "/h"),
                WEBHOOK_SECRET, InstantSource.fixed(NOW));

        assertThatThrownBy(() -> channel.deliver(HALT)).isInstanceOf(DeliveryException.class)
                .hasMessageStartingWith("cannot reach the webhook at 127.0.0.1: ");
    }

    @Test
    void slackGetsOneTextWithSeverityTitleAccountAndMessage() throws Exception {
        try (TestReceiver receiver = new TestReceiver()) {
            new SlackChannel(client, receiver.url("/services/T000/B000/XXXX")).deliver(HALT);

            TestReceiver.Request got = receiver.requests().getFirst();
            assertThat(got.path()).isEqualTo("/services/T000/B000/XXXX");
            JsonNode body = Json.read(got.body().getBytes(StandardCharsets.UTF_8));
            assertThat(body.size()).isEqualTo(1);
            assertThat(body.path("text").asText()).isEqualTo("*[CRITICAL] Daily loss limit hit (account acc)*\n"
                    + "daily loss 5,000.00 exceeds 4,000.00 &lt;halted&gt;\n\ncode: RISK_MAX_DAILY_LOSS\n"
                    + "account: acc\nseverity: critical\ntime: 2026-03-02T04:15:30Z");
        }
    }

    @Test
    void slackFailureNeverShowsTheHookAddress() {
        try (TestReceiver receiver = new TestReceiver().answering(404).withBody("no_service")) {
            URI hook = receiver.url("/services/T000/B000/SECRETPART");
            assertThatThrownBy(() -> new SlackChannel(client, hook).deliver(HALT))
                    .hasMessage("Slack answered 404: no_service")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRETPART"));
        }
    }

    @Test
    void telegramPostsToTheBotsSendMessageWithChatIdAndText() throws Exception {
        try (TestReceiver receiver = new TestReceiver()) {
            new TelegramChannel(client, receiver.url(""), BOT_TOKEN, "-1001234567890").deliver(HALT);

            TestReceiver.Request got = receiver.requests().getFirst();
            assertThat(got.path()).isEqualTo("/bot" + BOT_TOKEN + "/sendMessage");
            JsonNode body = Json.read(got.body().getBytes(StandardCharsets.UTF_8));
            assertThat(body.path("chat_id").asText()).isEqualTo("-1001234567890");
            assertThat(body.path("text").asText()).startsWith("[CRITICAL] Daily loss limit hit (account acc)\n\n"
                    + "daily loss 5,000.00 exceeds 4,000.00 <halted>");
        }
    }

    @Test
    void telegramRefusalIsReportedWithoutTheToken() {
        try (TestReceiver receiver = new TestReceiver().answering(401)
                .withBody("{\"ok\":false,\"description\":\"Unauthorized " + BOT_TOKEN + "\"}")) {
            TelegramChannel channel = new TelegramChannel(client, receiver.url("/"), BOT_TOKEN, "42");

            assertThatThrownBy(() -> channel.deliver(HALT)).isInstanceOf(DeliveryException.class)
                    .hasMessage("Telegram answered 401: {\"ok\":false,\"description\":\"Unauthorized ***\"}");
        }
    }

    @Test
    void emailArrivesOverStartTlsWithTheCredentialsOnlyAfterTheUpgrade() throws Exception {
        try (TestSmtpServer smtp = TestSmtpServer.withStartTls(keys.resolve("smtp.p12"))) {
            EmailChannel channel = new EmailChannel(new EmailChannel.Settings("127.0.0.1", smtp.port(),
                    "alerts@example.com", "alerts@example.com", List.of("ops@example.com", "risk@example.com"),
                    Optional.of(Files.readString(keys.resolve("smtp.pem")))), "smtp-password-1", InstantSource.fixed(NOW));

            channel.deliver(HALT);

            TestSmtpServer.Mail mail = smtp.mails().getFirst();
            assertThat(mail.overTls()).isTrue();
            assertThat(mail.authPlain()).isEqualTo("\0alerts@example.com\0smtp-password-1");
            assertThat(mail.from()).isEqualTo("alerts@example.com");
            assertThat(mail.to()).containsExactly("ops@example.com", "risk@example.com");
            List<String> commands = smtp.commands();
            assertThat(commands.indexOf("STARTTLS")).isLessThan(commands.indexOf(commands.stream()
                    .filter(c -> c.startsWith("AUTH")).findFirst().orElseThrow()));
            String[] parts = mail.data().split("\n\n", 2);
            assertThat(parts[0]).contains("Subject: =?UTF-8?B?" + Base64.getEncoder().encodeToString(
                    "[CRITICAL] Daily loss limit hit (account acc)".getBytes(StandardCharsets.UTF_8)) + "?=");
            assertThat(parts[0]).contains("To: <ops@example.com>, <risk@example.com>");
            String text = new String(Base64.getMimeDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            assertThat(text).startsWith("[CRITICAL] Daily loss limit hit (account acc)\r\n\r\n"
                    + "daily loss 5,000.00 exceeds 4,000.00 <halted>\r\n");
        }
    }

    @Test
    void emailIsRefusedWhenTheServerDoesNotOfferStartTls() throws Exception {
        try (TestSmtpServer smtp = TestSmtpServer.withoutStartTls()) {
            EmailChannel channel = new EmailChannel(new EmailChannel.Settings("127.0.0.1", smtp.port(),
                    "alerts@example.com", "alerts@example.com", List.of("ops@example.com"), Optional.empty()),
                    "smtp-password-1", InstantSource.fixed(NOW));

            assertThatThrownBy(() -> channel.deliver(HALT)).isInstanceOf(DeliveryException.class)
                    .hasMessage("the SMTP server 127.0.0.1:" + smtp.port() + " does not offer STARTTLS; refusing to"
                            + " send credentials or mail over an unencrypted connection");
            assertThat(smtp.commands()).containsExactly("EHLO quantdesk", "QUIT");
            assertThat(smtp.mails()).isEmpty();
        }
    }

    @Test
    void emailIsRefusedWhenTheServersCertificateIsNotTrusted() throws Exception {
        try (TestSmtpServer smtp = TestSmtpServer.withStartTls(keys.resolve("smtp.p12"))) {
            EmailChannel channel = new EmailChannel(new EmailChannel.Settings("127.0.0.1", smtp.port(),
                    "alerts@example.com", "alerts@example.com", List.of("ops@example.com"), Optional.empty()),
                    "smtp-password-1", InstantSource.fixed(NOW));

            assertThatThrownBy(() -> channel.deliver(HALT)).isInstanceOf(DeliveryException.class)
                    .hasMessageStartingWith("cannot talk to the SMTP server 127.0.0.1:" + smtp.port());
            assertThat(smtp.commands()).noneMatch(c -> c.startsWith("AUTH") || c.startsWith("MAIL"));
        }
    }

    @Test
    void specNamesEveryFieldAtFaultAndNeverRepeatsTheSecret() {
        ChannelSpec webhook = new ChannelSpec(ChannelKind.WEBHOOK, Map.of("url", "http://example.com/h",
                "colour", "red"), "short");
        assertThat(webhook.problems()).extracting(ApiError.FieldError::field)
                .containsExactlyInAnyOrder("settings.colour", "settings.url", "secret");
        ChannelSpec email = new ChannelSpec(ChannelKind.EMAIL, Map.of("host", "smtp.example.com", "port", "70000",
                "from", "not-an-address", "to", "ops@example.com", "username", "u"), "");
        assertThat(email.problems()).extracting(ApiError.FieldError::field)
                .containsExactlyInAnyOrder("settings.port", "settings.from", "secret");
        ChannelSpec slack = new ChannelSpec(ChannelKind.SLACK, Map.of(), "http://hooks.example.com/T/B/SECRETPART");
        assertThat(slack.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("secret");
            assertThat(p.message()).doesNotContain("SECRETPART");
        });
        ChannelSpec telegram = new ChannelSpec(ChannelKind.TELEGRAM, Map.of("chatId", "-100123"), BOT_TOKEN);
        assertThat(telegram.problems()).isEmpty();
        assertThat(telegram.build(client, InstantSource.fixed(NOW))).isInstanceOf(TelegramChannel.class);
    }
}
