package io.opsdesk.chat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Posts to a robot and reads its answer: only HTTP 2xx with the platform's code 0 ({@code errcode} for WeCom and
 * DingTalk, {@code code} for Feishu) counts as delivered; anything else throws, so the step is retried and ends as
 * an incident that says which robot answered what (never its token or secret).
 */
final class RobotClient {

    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json;

    RobotClient(Duration timeout, ObjectMapper json) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.json = json;
    }

    void post(ChatRobot robot, ChatPayloads.Post post) {
        HttpRequest request = HttpRequest.newBuilder(post.uri()).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(post.body(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ChatDeliveryException(robot + " not reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChatDeliveryException(robot + " not reached: interrupted", e);
        }
        String answer = response.body().length() > 300 ? response.body().substring(0, 300) + "…" : response.body();
        if (response.statusCode() / 100 != 2) {
            throw new ChatDeliveryException(robot + " answered HTTP " + response.statusCode() + ": " + answer);
        }
        JsonNode code = code(robot.platform(), answer, response.body());
        if (code.asInt(-1) != 0 || !code.isIntegralNumber()) {
            throw new ChatDeliveryException(robot + " refused the message: " + answer);
        }
    }

    private JsonNode code(ChatPlatform platform, String answer, String body) {
        try {
            JsonNode node = json.readTree(body);
            return switch (platform) {
                case WECOM, DINGTALK -> node.path("errcode");
                // Feishu's older answers carry StatusCode only
                case FEISHU -> node.has("code") ? node.path("code") : node.path("StatusCode");
            };
        } catch (JsonProcessingException e) {
            throw new ChatDeliveryException(platform.configName() + " robot answered something that is not JSON: " + answer, e);
        }
    }
}
