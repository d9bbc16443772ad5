package io.opsdesk.inspection;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** One HTTP request with a connect and an overall timeout; reads at most 1 MB of the body. */
@Component
class HttpProbe {

    static final int MAX_BODY = 1024 * 1024;

    /** One client per connect timeout: a client holds a thread, so it is kept, not built per request. */
    private final Map<Duration, HttpClient> clients = new ConcurrentHashMap<>();

    record Response(int status, String body, long latencyMs) {
    }

    Response send(String url, String method, Duration timeout) throws IOException, InterruptedException {
        HttpClient client = clients.computeIfAbsent(timeout, t -> HttpClient.newBuilder()
                .connectTimeout(t)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(timeout)
                .method(method.toUpperCase(java.util.Locale.ROOT), HttpRequest.BodyPublishers.noBody())
                .header("User-Agent", "OpsDesk-Inspection")
                .build();
        long start = System.nanoTime();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            String text = new String(body.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
            return new Response(response.statusCode(), text, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
