package com.quantdesk.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.quantdesk.server.http.ApiError;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dashboard's files: every one listed and served with its type, revalidated by ETag, nothing else served. */
class DashboardRoutesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static DashboardRoutes dashboard;
    private static Javalin server;

    @BeforeAll
    static void start() {
        dashboard = DashboardRoutes.load();
        server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            dashboard.register(cfg.routes);
            cfg.routes.exception(ApiError.class, (e, ctx) -> ctx.status(e.status()).result(e.getMessage()));
        }).start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void theManifestListsExactlyTheFilesOfTheDashboardFolder() throws IOException {
        Path folder = Path.of("src/main/resources" + DashboardRoutes.ROOT);
        Set<String> files = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.equals("manifest.txt")).forEach(files::add);
        }
        assertThat(new TreeSet<>(dashboard.assets().keySet())).isEqualTo(files);
    }

    @Test
    void theRootIsThePageAndEachFileComesWithItsTypeAndETag() throws Exception {
        HttpResponse<String> page = get("/", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(page.body()).contains("<script type=\"module\" src=\"/assets/js/main.js\"></script>");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");

        HttpResponse<String> script = get("/assets/js/views/orders.js", null);
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(script.body()).isEqualTo(new String(dashboard.assets().get("assets/js/views/orders.js").bytes(),
                java.nio.charset.StandardCharsets.UTF_8));
        String etag = script.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).matches("\"[0-9a-f]{32}\"");

        HttpResponse<String> again = get("/assets/js/views/orders.js", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(get("/assets/js/views/orders.js", "\"0123\"").statusCode()).isEqualTo(200);
        assertThat(get("/assets/app.css", null).headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(get("/assets/icon.svg", null).headers().firstValue("Content-Type")).hasValue("image/svg+xml");
    }

    @Test
    void onlyListedFilesAreServed() throws Exception {
        assertThat(get("/assets/js/nothing.js", null).statusCode()).isEqualTo(404);
        assertThat(get("/assets/../manifest.txt", null).statusCode()).isEqualTo(404);
        assertThat(get("/assets/manifest.txt", null).statusCode()).isEqualTo(404);
        assertThat(get("/assets/%2e%2e/index.html", null).statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> get(String path, String ifNoneMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
