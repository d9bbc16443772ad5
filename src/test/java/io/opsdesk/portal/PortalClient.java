package io.opsdesk.portal;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** A browser without JavaScript: keeps cookies, does not follow redirects, posts forms with their CSRF token. */
public final class PortalClient {

    public record Page(int status, String location, String body) {

        public Document html() {
            return Jsoup.parse(body);
        }
    }

    private final String base;
    private final String language;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public PortalClient(int port, String language) {
        this.base = "http://localhost:" + port;
        this.language = language;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Follows redirects like a browser, up to five. */
    public Page open(String path) {
        Page page = get(path);
        for (int i = 0; i < 5 && page.status() / 100 == 3; i++) {
            page = get(page.location());
        }
        return page;
    }

    /** Submits the form with this id on the page at {@code pagePath}, with its hidden fields and these values. */
    public Page submit(String pagePath, String formId, Map<String, String> values) {
        Document page = get(pagePath).html();
        var form = page.getElementById(formId);
        if (form == null) {
            throw new AssertionError("no form #" + formId + " on " + pagePath + ":\n" + page);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.attr("value")));
        fields.putAll(values);
        return post(form.attr("action"), fields);
    }

    public Page post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.header("Accept-Language", language).build(),
                    HttpResponse.BodyHandlers.ofString());
            String location = response.headers().firstValue("Location").orElse(null);
            if (location != null && location.startsWith(base)) {
                location = location.substring(base.length());
            }
            return new Page(response.statusCode(), location, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
