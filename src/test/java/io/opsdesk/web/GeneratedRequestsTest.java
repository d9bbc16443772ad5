package io.opsdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;


import net.jqwik.api.Example;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;

import io.opsdesk.DatabaseSnapshot;
import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;

/**
 * Over ten thousand generated requests (jqwik's generators, a logged seed: rerun one with
 * {@code -Dopsdesk.generated.seed=...}) to the endpoints customers and staff write to: new tickets,
 * replies, acceptance, attachment uploads and the portal's form. Bodies mix valid values with any Unicode
 * (controls, bidi overrides, unpaired surrogates), huge strings, wrong JSON types, nulls, duplicate and
 * missing keys and broken JSON; headers vary too. Not one answer may be a 5xx, and exactly the accepted
 * requests store something: the rows added equal the requests answered with success. Run by jqwik's engine
 * on the JUnit platform, in the Spring context every {@link OpsDeskTest} shares.
 */
@OpsDeskTest
class GeneratedRequestsTest {

    private static final Logger LOG = LoggerFactory.getLogger(GeneratedRequestsTest.class);
    private static final String STAFF = Http.basic("alice", "alice");
    /** Requests sent at once: the server works on some while the next ones are generated. */
    private static final int IN_FLIGHT = 4;

    private int port;
    private JdbcClient jdbc;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> serverErrors = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger sent = new AtomicInteger();
    private Random random;

    /** A jqwik example (jqwik's generators work only inside its engine) in the suite's shared Spring context. */
    @Example
    void tenThousandGeneratedRequestsAnswerNo5xxAndStoreExactlyWhatTheyAccept() {
        ApplicationContext context = new TestContextManager(getClass()).getTestContext().getApplicationContext();
        port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        jdbc = context.getBean(JdbcClient.class);
        long seed = Long.getLong("opsdesk.generated.seed", System.nanoTime());
        LOG.info("Generated requests with seed {} (rerun with -Dopsdesk.generated.seed={})", seed, seed);
        random = new Random(seed);
        Http http = new Http(port);
        List<String[]> tickets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var created = http.postJson("/api/tickets", GeneratedBodies.validTicketJson("generated-" + i)).json();
            tickets.add(new String[] {created.get("key").asText(), created.get("trackingToken").asText()});
        }

        long ticketsBefore = count("select count(*) from ticket");
        int created = repeat(3500, () -> send(json("/api/tickets", GeneratedBodies.ticket(random), headers()), r ->
                r.statusCode() == 201 && !"true".equals(r.headers().firstValue("Idempotent-Replayed").orElse(null))));
        assertThat(count("select count(*) from ticket") - ticketsBefore).as("tickets stored by POST /api/tickets").isEqualTo(created);

        long repliesBefore = count("select count(*) from ticket_timeline where entry_type = 'CUSTOMER_REPLY'");
        int replied = repeat(2500, () -> {
            String[] ticket = pick(tickets);
            String key = random.nextInt(10) == 0 ? GeneratedBodies.text(random) : ticket[0];
            String token = random.nextInt(10) == 0 ? GeneratedBodies.printable(random) : ticket[1];
            return send(json("/api/tickets/" + pathSegment(key) + "/replies", GeneratedBodies.reply(random),
                    headers("X-Tracking-Token", token)), r -> r.statusCode() == 200);
        });
        assertThat(count("select count(*) from ticket_timeline where entry_type = 'CUSTOMER_REPLY'") - repliesBefore)
                .as("replies stored").isEqualTo(replied);

        // none of the tickets awaits acceptance: every acceptance is refused and changes nothing
        Map<String, Object> beforeAcceptance = DatabaseSnapshot.of(jdbc);
        int accepted = repeat(1500, () -> {
            String[] ticket = pick(tickets);
            return send(json("/api/tickets/" + ticket[0] + "/acceptance", GeneratedBodies.acceptance(random),
                    headers("X-Tracking-Token", random.nextInt(5) == 0 ? "wrong" : ticket[1])), r -> r.statusCode() < 300);
        });
        assertThat(accepted).isZero();
        assertThat(DatabaseSnapshot.of(jdbc)).isEqualTo(beforeAcceptance);

        long attachmentsBefore = count("select count(*) from ticket_attachment");
        int uploaded = repeat(1000, () -> send(upload("/api/tickets/" + pick(tickets)[0] + "/attachments"), r -> r.statusCode() == 201));
        assertThat(count("select count(*) from ticket_attachment") - attachmentsBefore).as("attachments stored").isEqualTo(uploaded);

        long portalBefore = count("select count(*) from ticket");
        Portal portal = new Portal();
        int portalCreated = repeat(1500, () -> portal.submit(GeneratedBodies.portalForm(random)));
        assertThat(count("select count(*) from ticket") - portalBefore).as("tickets stored by the portal").isEqualTo(portalCreated);

        LOG.info("{} generated requests: {} tickets via API, {} replies, {} attachments, {} tickets via the portal",
                sent, created, replied, uploaded, portalCreated);
        assertThat(sent.get()).isGreaterThanOrEqualTo(10_000);
        assertThat(serverErrors).as("answers 5xx (seed " + seed + ")").isEmpty();
    }

    /**
     * Generates {@code times} requests on this (jqwik's) thread and sends them with a few in flight at once;
     * the number answered with success once all are answered.
     */
    private int repeat(int times, Supplier<CompletableFuture<Boolean>> request) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            inFlight.acquireUninterruptibly();
            answers.add(request.get().whenComplete((ok, e) -> inFlight.release()));
        }
        return (int) answers.stream().map(CompletableFuture::join).filter(ok -> ok).count();
    }

    private <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private List<String> headers(String... fixed) {
        List<String> headers = new ArrayList<>(List.of(fixed));
        if (random.nextInt(4) == 0) {
            headers.addAll(List.of("Accept-Language", pick(List.of("zh-CN", "en", "de;q=abc", "*", ",,,", "en-US,zh;q=0.5"))));
        }
        if (random.nextInt(4) == 0) {
            headers.addAll(List.of("Idempotency-Key", random.nextBoolean() ? UUID.randomUUID().toString() : GeneratedBodies.printable(random)));
        }
        if (random.nextInt(6) == 0) {
            headers.addAll(List.of("Accept", pick(List.of("application/xml", "text/html", "*/*", "application/problem+json", "x/y;;"))));
        }
        if (random.nextInt(8) == 0) {
            headers.addAll(List.of("Authorization", pick(List.of("Basic !!!", "Bearer x", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString("nobody:wrong".getBytes(StandardCharsets.UTF_8)), STAFF))));
        }
        return headers;
    }

    private HttpRequest json(String path, String body, List<String> headers) {
        String type = random.nextInt(12) == 0 ? pick(List.of("text/plain", "application/json; charset=ISO-8859-1",
                "application/json; charset=bogus", "application/xml", "multipart/form-data")) : "application/json";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        for (int i = 0; i < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        return request.build();
    }

    private HttpRequest upload(String path) {
        String boundary = "b" + random.nextInt(1_000_000);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (random.nextInt(3) == 0) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"visibility\"\r\n\r\n"
                    + pick(List.of("PUBLIC", "INTERNAL", "SECRET", "", "public")) + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (random.nextInt(20) != 0) {
            String name = random.nextBoolean() ? pick(List.of("report.pdf", "screen.png", "notes.txt", "data.csv", "x.zip"))
                    : GeneratedBodies.fileName(random);
            String type = pick(List.of("application/pdf", "image/png", "text/plain", "text/csv", "application/octet-stream",
                    "application/x-msdownload", "", "image/png; charset=\"", GeneratedBodies.printable(random)));
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(GeneratedBodies.content(random));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        if (random.nextInt(10) != 0) {
            body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", random.nextInt(10) == 0 ? "Basic bm9ib2R5Ondyb25n" : STAFF)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    }

    private CompletableFuture<Boolean> send(HttpRequest request, Predicate<HttpResponse<String>> success) {
        return send(client, request, request.method() + " " + request.uri().getRawPath(), success);
    }

    private CompletableFuture<Boolean> send(HttpClient sender, HttpRequest request, String description,
                                            Predicate<HttpResponse<String>> success) {
        sent.incrementAndGet();
        return sender.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() >= 500 && serverErrors.size() < 20) {
                serverErrors.add(description + " -> " + response.statusCode() + " "
                        + response.body().substring(0, Math.min(300, response.body().length())));
            }
            return success.test(response);
        });
    }

    private static String pathSegment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One portal session: its CSRF token from the form page, reused for every post as a browser would. */
    private final class Portal {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
        private final HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        private String csrf;

        CompletableFuture<Boolean> submit(Map<String, String> form) {
            if (csrf == null || random.nextInt(200) == 0) {
                csrf = token();
            }
            Map<String, String> fields = new LinkedHashMap<>(form);
            if (random.nextInt(30) != 0) {
                fields.put("_csrf", csrf);
            }
            String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/portal/tickets"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            List<String> headers = headers();
            for (int i = 0; i < headers.size(); i += 2) {
                request.header(headers.get(i), headers.get(i + 1));
            }
            return send(browser, request.build(), "POST /portal/tickets " + form, response -> response.statusCode() == 302
                    && response.headers().firstValue("Location").orElse("").endsWith("/portal/tickets/created"));
        }

        private String token() {
            HttpResponse<String> page = exchange(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/portal/tickets/new"))
                    .GET().build());
            Matcher token = CSRF.matcher(page.body());
            assertThat(token.find()).as("a CSRF token on the form").isTrue();
            return token.group(1);
        }

        private HttpResponse<String> exchange(HttpRequest request) {
            try {
                return browser.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
