package com.quantdesk.server.notify;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Mails the notification through an SMTP relay (usually port 587). STARTTLS is required: a server
 * that does not offer it gets neither the credentials nor the mail, and the upgraded connection must
 * present a certificate for {@code host} that the system's trust store — or, if given, the one CA
 * certificate of the settings — vouches for. Then AUTH PLAIN (or LOGIN) when a user name is set.
 */
public final class EmailChannel implements Channel {

    /**
     * Where and how to send.
     *
     * @param host          the relay's host name (checked against its certificate)
     * @param port          its submission port
     * @param username      the login, or empty to send without authenticating
     * @param from          the sender address
     * @param to            the recipients
     * @param caCertificate a PEM certificate to trust instead of the system's CAs (a private relay), if any
     */
    public record Settings(String host, int port, String username, String from, List<String> to,
                           Optional<String> caCertificate) {
        /** Validates and copies. */
        public Settings {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(from, "from");
            to = List.copyOf(to);
            Objects.requireNonNull(caCertificate, "caCertificate");
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("port must be 1 to 65535");
            }
            if (to.isEmpty()) {
                throw new IllegalArgumentException("name at least one recipient");
            }
        }
    }

    private static final int CONNECT_MILLIS = (int) HttpDelivery.CONNECT_TIMEOUT.toMillis();
    private static final int READ_MILLIS = (int) HttpDelivery.REQUEST_TIMEOUT.toMillis();

    private final Settings settings;
    private final String password;
    private final InstantSource clock;
    private final SSLContext tls;

    /**
     * @param password the login's password (unused without a user name)
     * @throws IllegalArgumentException when the CA certificate is not a readable PEM certificate
     */
    public EmailChannel(Settings settings, String password, InstantSource clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.password = Objects.requireNonNull(password, "password");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tls = tlsContext(settings.caCertificate());
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public void deliver(Notification n) throws DeliveryException {
        String peer = "the SMTP server " + settings.host() + ":" + settings.port();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(settings.host(), settings.port()), CONNECT_MILLIS);
            plain.setSoTimeout(READ_MILLIS);
            SmtpConversation smtp = new SmtpConversation(plain, peer);
            smtp.expect(220);
            List<String> offered = smtp.hello();
            if (offered.stream().noneMatch(line -> line.equalsIgnoreCase("STARTTLS"))) {
                smtp.quietQuit();
                throw new DeliveryException(peer + " does not offer STARTTLS; refusing to send credentials or mail"
                        + " over an unencrypted connection");
            }
            smtp.command("STARTTLS", 220);
            try (SSLSocket secure = upgrade(plain)) {
                SmtpConversation encrypted = new SmtpConversation(secure, peer);
                List<String> capabilities = encrypted.hello();
                if (!settings.username().isEmpty()) {
                    authenticate(encrypted, capabilities, peer);
                }
                encrypted.command("MAIL FROM:<" + settings.from() + ">", 250);
                for (String recipient : settings.to()) {
                    encrypted.command("RCPT TO:<" + recipient + ">", 250, 251);
                }
                encrypted.command("DATA", 354);
                encrypted.data(message(n));
                encrypted.quietQuit();
            }
        } catch (SocketTimeoutException e) {
            throw new DeliveryException(peer + " did not answer within " + READ_MILLIS / 1000 + " s");
        } catch (IOException e) {
            throw new DeliveryException(HttpDelivery.scrub("cannot talk to " + peer + ": "
                    + HttpDelivery.describe(e), password));
        }
    }

    private SSLSocket upgrade(Socket plain) throws IOException {
        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(plain, settings.host(), settings.port(),
                true);
        SSLParameters parameters = secure.getSSLParameters();
        // The relay's certificate must name the host we asked for, as HTTPS checks it.
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        secure.setSSLParameters(parameters);
        secure.setUseClientMode(true);
        secure.setSoTimeout(READ_MILLIS);
        secure.startHandshake();
        return secure;
    }

    private void authenticate(SmtpConversation smtp, List<String> capabilities, String peer)
            throws IOException, DeliveryException {
        String auth = capabilities.stream().filter(c -> c.toUpperCase(java.util.Locale.ROOT).startsWith("AUTH"))
                .findFirst().orElse("").toUpperCase(java.util.Locale.ROOT);
        Base64.Encoder base64 = Base64.getEncoder();
        if (auth.matches("AUTH[ =].*\\bPLAIN\\b.*")) {
            String credentials = "\0" + settings.username() + "\0" + password;
            smtp.secretCommand("AUTH PLAIN " + base64.encodeToString(credentials.getBytes(StandardCharsets.UTF_8)),
                    "AUTH PLAIN", 235);
        } else if (auth.matches("AUTH[ =].*\\bLOGIN\\b.*")) {
            smtp.command("AUTH LOGIN", 334);
            smtp.secretCommand(base64.encodeToString(settings.username().getBytes(StandardCharsets.UTF_8)),
                    "AUTH LOGIN user name", 334);
            smtp.secretCommand(base64.encodeToString(password.getBytes(StandardCharsets.UTF_8)),
                    "AUTH LOGIN password", 235);
        } else {
            smtp.quietQuit();
            throw new DeliveryException(peer + " offers neither AUTH PLAIN nor AUTH LOGIN");
        }
    }

    /** The whole message: headers, then the text as UTF-8 in base64 (safe through any relay). */
    String message(Notification n) {
        StringBuilder m = new StringBuilder();
        m.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().atOffset(
                ZoneOffset.UTC))).append("\r\n");
        m.append("From: <").append(settings.from()).append(">\r\n");
        m.append("To: ").append(String.join(", ", settings.to().stream().map(a -> "<" + a + ">").toList()))
                .append("\r\n");
        m.append("Subject: ").append(encodedWord(Texts.headline(n))).append("\r\n");
        m.append("Message-ID: <").append(UUID.randomUUID()).append("@quantdesk>\r\n");
        m.append("MIME-Version: 1.0\r\n");
        m.append("Content-Type: text/plain; charset=UTF-8\r\n");
        m.append("Content-Transfer-Encoding: base64\r\n\r\n");
        String text = (Texts.headline(n) + "\n\n" + Texts.body(n) + "\n").replace("\n", "\r\n");
        m.append(Base64.getMimeEncoder(76, new byte[] {'\r', '\n'})
                .encodeToString(text.getBytes(StandardCharsets.UTF_8))).append("\r\n");
        return m.toString();
    }

    /** A header value as an RFC 2047 encoded word: no line break or non-ASCII character reaches the header. */
    private static String encodedWord(String text) {
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    /** TLS trusting the system's CAs, or only {@code caCertificate}; unreadable PEM: IllegalArgumentException. */
    static SSLContext tlsContext(Optional<String> caCertificate) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            if (caCertificate.isEmpty()) {
                context.init(null, null, null);
                return context;
            }
            Certificate ca = CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(
                    caCertificate.get().getBytes(StandardCharsets.US_ASCII)));
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("relay-ca", ca);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("caCertificate is not a PEM X.509 certificate");
        }
    }

    @Override
    public String toString() {
        return "EmailChannel[" + settings.host() + ":" + settings.port() + "]";
    }
}
