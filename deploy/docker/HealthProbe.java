import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container's health check: GET the URL (default http://127.0.0.1:8080/health) and exit 0 on a
 * 2xx answer within 3 s, 1 otherwise. The image carries no curl or wget, so Java asks itself.
 */
public final class HealthProbe {

    private HealthProbe() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8080/health";
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build();
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 != 2) {
                System.err.println("unhealthy: " + url + " answered " + status);
                System.exit(1);
            }
        } catch (Exception e) {
            System.err.println("unhealthy: " + url + ": " + e);
            System.exit(1);
        }
    }
}
