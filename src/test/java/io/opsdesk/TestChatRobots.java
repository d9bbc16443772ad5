package io.opsdesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Three group robots on a local HTTP server (the JDK's), configured for the test context as WeCom for support,
 * DingTalk (signed) for supervisors and Feishu (signed) for managers; development has none. They record every
 * request and answer as the platforms do, or as a test tells them to ({@link #answer}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestChatRobots {

    public static final int PORT = freePort();
    public static final String WECOM_PATH = "/cgi-bin/webhook/send";
    public static final String WECOM_KEY = "test-wecom-key";
    public static final String DINGTALK_PATH = "/robot/send";
    public static final String DINGTALK_TOKEN = "test-dingtalk-token";
    public static final String DINGTALK_SECRET = "SECtest-dingtalk-secret";
    public static final String FEISHU_PATH = "/open-apis/bot/v2/hook/test-feishu-hook";
    public static final String FEISHU_SECRET = "test-feishu-secret";

    /** One request a robot received. */
    public record Received(String path, String rawQuery, String contentType, String body) {
    }

    /** A robot's answer: HTTP status and body. */
    public record Answer(int status, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private HttpServer server;

    @Bean
    DynamicPropertyRegistrar chatRobotSettings() {
        String base = "http://127.0.0.1:" + PORT;
        return registry -> {
            registry.add("opsdesk.team-chat.robots.support.platform", () -> "wecom");
            registry.add("opsdesk.team-chat.robots.support.webhook", () -> base + WECOM_PATH + "?key=" + WECOM_KEY);
            registry.add("opsdesk.team-chat.robots.supervisors.platform", () -> "dingtalk");
            registry.add("opsdesk.team-chat.robots.supervisors.webhook", () -> base + DINGTALK_PATH + "?access_token=" + DINGTALK_TOKEN);
            registry.add("opsdesk.team-chat.robots.supervisors.secret", () -> DINGTALK_SECRET);
            registry.add("opsdesk.team-chat.robots.managers.platform", () -> "feishu");
            registry.add("opsdesk.team-chat.robots.managers.webhook", () -> base + FEISHU_PATH);
            registry.add("opsdesk.team-chat.robots.managers.secret", () -> FEISHU_SECRET);
        };
    }

    /** Started by the context and stopped with it; the robots answer as their platforms do unless told otherwise. */
    @jakarta.annotation.PostConstruct
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        server.stop(0);
    }

    /** What every robot received so far, oldest first. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** From now on the robot at this path answers so (until {@link #reset}). */
    public void answer(String path, int status, String body) {
        answers.put(path, new Answer(status, body));
    }

    public void reset() {
        answers.clear();
        received.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(path, exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            Answer answer = answers.getOrDefault(path, path.equals(FEISHU_PATH)
                    ? new Answer(200, "{\"StatusCode\":0,\"StatusMessage\":\"success\",\"code\":0,\"data\":{},\"msg\":\"success\"}")
                    : new Answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
