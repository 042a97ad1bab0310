package com.quantdesk.server.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A small SMTP receiver on loopback for the email channel's tests: it offers STARTTLS (with a
 * certificate for 127.0.0.1 made by keytool at test time) or, for the refusal test, does not. It
 * records every command it hears and each message, with whether TLS was on when it came.
 */
final class TestSmtpServer implements AutoCloseable {

    /** A message received. */
    record Mail(boolean overTls, String authPlain, String from, List<String> to, String data) {
    }

    private static final String PASSWORD = "changeit";

    private final ServerSocket socket;
    private final SSLContext tls;
    private final boolean offerStartTls;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<Mail> mails = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private TestSmtpServer(SSLContext tls, boolean offerStartTls) throws IOException {
        this.tls = tls;
        this.offerStartTls = offerStartTls;
        this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().start(this::accept);
    }

    /** A server offering STARTTLS with the key in {@code keyStore}. */
    static TestSmtpServer withStartTls(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return new TestSmtpServer(context, true);
    }

    /** A server that never offers STARTTLS (and would take AUTH in the clear, if asked). */
    static TestSmtpServer withoutStartTls() throws IOException {
        return new TestSmtpServer(null, false);
    }

    /**
     * Makes a key pair and certificate for 127.0.0.1 with the JDK's keytool: {@code smtp.p12} (the
     * server's key store) and {@code smtp.pem} (its certificate, for the client to trust).
     */
    static void makeCertificate(Path directory) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(List.of(keytool, "-genkeypair", "-alias", "smtp", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-keystore", directory.resolve("smtp.p12").toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD), directory);
        run(List.of(keytool, "-exportcert", "-rfc", "-alias", "smtp", "-keystore",
                directory.resolve("smtp.p12").toString(), "-storepass", PASSWORD, "-file",
                directory.resolve("smtp.pem").toString()), directory);
    }

    private static void run(List<String> command, Path directory) throws Exception {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    int port() {
        return socket.getLocalPort();
    }

    List<String> commands() {
        return List.copyOf(commands);
    }

    List<Mail> mails() {
        return List.copyOf(mails);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread.ofVirtual().start(() -> converse(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client) {
            Socket current = client;
            boolean overTls = false;
            BufferedReader in = reader(current);
            OutputStream out = current.getOutputStream();
            write(out, "220 test-smtp ready");
            String auth = null;
            String from = null;
            List<String> to = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(line);
                String verb = line.split(" ")[0].toUpperCase(java.util.Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> {
                        List<String> lines = new ArrayList<>(List.of("test-smtp"));
                        if (offerStartTls && !overTls) {
                            lines.add("STARTTLS");
                        }
                        lines.add("AUTH PLAIN LOGIN");
                        for (int i = 0; i < lines.size(); i++) {
                            write(out, "250" + (i == lines.size() - 1 ? " " : "-") + lines.get(i));
                        }
                    }
                    case "STARTTLS" -> {
                        write(out, "220 go ahead");
                        SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(current, null,
                                current.getPort(), true);
                        secure.setUseClientMode(false);
                        secure.startHandshake();
                        current = secure;
                        overTls = true;
                        in = reader(current);
                        out = current.getOutputStream();
                    }
                    case "AUTH" -> {
                        auth = new String(Base64.getDecoder().decode(line.split(" ")[2]), StandardCharsets.UTF_8);
                        write(out, "235 accepted");
                    }
                    case "MAIL" -> {
                        from = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                        write(out, "250 ok");
                    }
                    case "RCPT" -> {
                        to.add(line.substring(line.indexOf('<') + 1, line.indexOf('>')));
                        write(out, "250 ok");
                    }
                    case "DATA" -> {
                        write(out, "354 send it");
                        StringBuilder data = new StringBuilder();
                        String d;
                        while ((d = in.readLine()) != null && !d.equals(".")) {
                            data.append(d.startsWith("..") ? d.substring(1) : d).append("\n");
                        }
                        mails.add(new Mail(overTls, auth, from, List.copyOf(to), data.toString()));
                        write(out, "250 queued");
                    }
                    case "QUIT" -> {
                        write(out, "221 bye");
                        return;
                    }
                    default -> write(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // The client went away.
        }
    }

    private static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor.interrupt();
    }
}
