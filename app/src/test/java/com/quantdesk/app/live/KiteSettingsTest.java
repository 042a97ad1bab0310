package com.quantdesk.app.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KiteSettingsTest {

    @TempDir
    Path dir;

    @Test
    void withoutConfigurationItIsZerodhasKiteWithAutomaticProtection() {
        KiteSettings settings = KiteSettings.load(null, Map.of("KITE_API_KEY", "key1", "KITE_API_SECRET", "s3"));

        assertThat(settings).isEqualTo(new KiteSettings(URI.create("https://api.kite.trade"),
                URI.create("wss://ws.kite.trade"), URI.create("https://kite.zerodha.com/connect/login"), "key1", "s3",
                Optional.empty(), -1, Duration.ofSeconds(30)));
    }

    @Test
    void theFileSetsEveryKeyAndTheEnvironmentHasTheLastWord() throws Exception {
        Path file = write("""
                kite:
                  apiUrl: http://127.0.0.1:8300
                  tickerUrl: ws://127.0.0.1:8301
                  apiKey: from-file
                  algoId: ALGO7
                  marketProtection: 3
                  reconcileEvery: 10s
                """);

        KiteSettings fromFile = KiteSettings.load(file, Map.of());
        KiteSettings overridden = KiteSettings.load(file, Map.of("KITE_API_URL", "https://kite.example.com",
                "KITE_API_KEY", "from-env"));

        assertThat(fromFile.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:8300"));
        assertThat(fromFile.tickerUrl()).isEqualTo(URI.create("ws://127.0.0.1:8301"));
        assertThat(fromFile.apiKey()).isEqualTo("from-file");
        assertThat(fromFile.algoId()).contains("ALGO7");
        assertThat(fromFile.marketProtection()).isEqualTo(3);
        assertThat(fromFile.reconcileEvery()).isEqualTo(Duration.ofSeconds(10));
        assertThat(fromFile.clientConfig().algoId()).contains("ALGO7");
        assertThat(overridden.apiUrl()).isEqualTo(URI.create("https://kite.example.com"));
        assertThat(overridden.apiKey()).isEqualTo("from-env");
        assertThat(overridden.tickerUrl()).isEqualTo(URI.create("ws://127.0.0.1:8301"));
    }

    @Test
    void badValuesNameTheFileAndTheKeyOrTheVariable() throws Exception {
        Path file = write("kite:\n  apiUrl: ftp://example.com\n");
        assertThatThrownBy(() -> KiteSettings.load(file, Map.of())).hasMessage(file
                + ": kite.apiUrl (or KITE_API_URL): 'ftp://example.com' is not a http/https URL");
        assertThatThrownBy(() -> KiteSettings.load(null, Map.of("KITE_TICKER_URL", "http://x")))
                .hasMessage("kite.tickerUrl (or KITE_TICKER_URL): 'http://x' is not a ws/wss URL");
        Path typo = write("kite:\n  apiURL: http://x\n");
        assertThatThrownBy(() -> KiteSettings.load(typo, Map.of())).hasMessage(typo + ": kite.apiURL: unknown key; "
                + "did you mean 'apiUrl'? (known: algoId, apiKey, apiUrl, loginUrl, marketProtection, reconcileEvery, "
                + "tickerUrl)");
        Path protection = write("kite:\n  marketProtection: 0\n");
        assertThatThrownBy(() -> KiteSettings.load(protection, Map.of())).hasMessage(protection
                + ": kite.marketProtection: must be -1 (automatic) or 1-100, was 0");
        Path often = write("kite:\n  reconcileEvery: 1s\n");
        assertThatThrownBy(() -> KiteSettings.load(often, Map.of())).hasMessage(often
                + ": kite.reconcileEvery: must be at least 5s (Kite's read limits)");
    }

    @Test
    void theKeyAndTheSecretAreAskedForByNameWhenMissing() {
        KiteSettings settings = KiteSettings.load(null, Map.of());

        assertThatThrownBy(settings::clientConfig).hasMessage("kite.apiKey: not set (or set KITE_API_KEY)");
        assertThatThrownBy(settings::requireSecret).hasMessage("KITE_API_SECRET: not set; the app's api secret is "
                + "read from the environment only");
    }

    private Path write(String yaml) throws Exception {
        Path file = Files.createTempFile(dir, "quantdesk", ".yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
