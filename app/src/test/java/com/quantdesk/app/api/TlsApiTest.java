package com.quantdesk.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.app.paper.PaperRuntime;
import com.quantdesk.server.ServerConfig;
import com.quantdesk.server.api.ApiServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In-process TLS: a PKCS12 key store, TLS 1.2 and 1.3 only, and HSTS on what came over it. */
class TlsApiTest {

    @TempDir
    Path dir;

    @Test
    void servesHttpsWithHstsAndRefusesPlainHttpOnItsPort() throws Exception {
        Path keyStore = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "quantdesk", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", "changeit-42",
                "-keypass", "changeit-42").redirectErrorStream(true).start();
        String keytoolOutput = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(keytoolOutput).isZero();

        try (PaperRuntime runtime = ApiTests.runtime(dir, List.of("INFY"), "acc");
             ApiServer server = ApiTests.server(ServerConfig.defaults(dir).withTls(new ServerConfig.Tls(keyStore,
                     "changeit-42")).withAddress("127.0.0.1", 0), runtime, ApiTests.NO_BACKTESTS)) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                trusted.load(in, "changeit-42".toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            URI https = URI.create("https://127.0.0.1:" + server.port() + "/health");
            assertThat(server.url("127.0.0.1").toString()).startsWith("https://");

            HttpResponse<String> answer = HttpClient.newBuilder().sslContext(tls).build()
                    .send(HttpRequest.newBuilder(https).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Strict-Transport-Security")).contains(
                    "max-age=31536000; includeSubDomains");
            assertThat(answer.sslSession().orElseThrow().getProtocol()).isIn("TLSv1.3", "TLSv1.2");

            // A client that offers only TLS 1.1 gets no connection.
            SSLParameters old = new SSLParameters();
            old.setProtocols(new String[] {"TLSv1.1"});
            org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> HttpClient.newBuilder()
                    .sslContext(tls).sslParameters(old).build().send(HttpRequest.newBuilder(https).build(),
                            HttpResponse.BodyHandlers.ofString()));
            // Plain HTTP on the TLS port is not served.
            HttpResponse<String> plain = null;
            try {
                plain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.port() + "/health")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException expected) {
                // the connection is closed or the handshake fails: either way nothing is served in clear
            }
            if (plain != null) {
                assertThat(plain.statusCode()).isEqualTo(400);
                assertThat(plain.body()).doesNotContain("UP");
            }
        }
    }
}
