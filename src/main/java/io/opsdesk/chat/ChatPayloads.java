package io.opsdesk.chat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A message in each platform's documented webhook format, signed where the robot has a secret: WeCom
 * {@code msgtype: markdown}; DingTalk {@code msgtype: markdown} with {@code timestamp} (ms) and
 * {@code sign = urlencode(base64(HmacSHA256(key: secret, "timestamp\nsecret")))} in the URL; Feishu
 * {@code msg_type: interactive} card with {@code timestamp} (s) and
 * {@code sign = base64(HmacSHA256(key: "timestamp\nsecret", empty))} in the body.
 */
final class ChatPayloads {

    static final String OPEN = "查看详情";

    /** One HTTP POST: where, and the JSON body. */
    record Post(URI uri, String body) {
    }

    private final ObjectMapper json;
    private final Clock clock;

    ChatPayloads(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    Post of(ChatRobot robot, ChatMessage message) {
        return switch (robot.platform()) {
            case WECOM -> wecom(robot, message);
            case DINGTALK -> dingtalk(robot, message);
            case FEISHU -> feishu(robot, message);
        };
    }

    private Post wecom(ChatRobot robot, ChatMessage message) {
        StringBuilder content = new StringBuilder("### ").append(plain(message.title()));
        message.text().lines().forEach(line -> content.append("\n> ").append(plain(line)));
        link(message, content.append("\n"));
        ObjectNode body = json.createObjectNode().put("msgtype", "markdown");
        body.putObject("markdown").put("content", content.toString());
        return new Post(robot.webhook(), body.toString());
    }

    private Post dingtalk(ChatRobot robot, ChatMessage message) {
        StringBuilder text = new StringBuilder("### ").append(plain(message.title()));
        message.text().lines().forEach(line -> text.append("\n\n").append(plain(line)));
        link(message, text.append("\n\n"));
        ObjectNode body = json.createObjectNode().put("msgtype", "markdown");
        body.putObject("markdown").put("title", plain(message.title())).put("text", text.toString());
        URI uri = robot.webhook();
        if (robot.secret() != null) {
            long timestamp = clock.millis();
            String sign = base64(hmac(robot.secret(), timestamp + "\n" + robot.secret()));
            uri = URI.create(uri + (uri.getRawQuery() == null ? "?" : "&") + "timestamp=" + timestamp
                    + "&sign=" + URLEncoder.encode(sign, StandardCharsets.UTF_8));
        }
        return new Post(uri, body.toString());
    }

    private Post feishu(ChatRobot robot, ChatMessage message) {
        ObjectNode body = json.createObjectNode();
        if (robot.secret() != null) {
            long timestamp = clock.instant().getEpochSecond();
            body.put("timestamp", String.valueOf(timestamp)).put("sign", base64(hmac(timestamp + "\n" + robot.secret(), "")));
        }
        body.put("msg_type", "interactive");
        ObjectNode card = body.putObject("card");
        card.putObject("config").put("wide_screen_mode", true);
        ObjectNode header = card.putObject("header").put("template", "red");
        header.putObject("title").put("tag", "plain_text").put("content", plain(message.title()));
        var elements = card.putArray("elements");
        String text = String.join("\n", message.text().lines().map(ChatPayloads::plain).toList());
        elements.addObject().put("tag", "div").putObject("text").put("tag", "lark_md").put("content", text);
        if (message.link() != null) {
            ObjectNode button = elements.addObject().put("tag", "action").putArray("actions").addObject()
                    .put("tag", "button").put("type", "primary").put("url", message.link());
            button.putObject("text").put("tag", "plain_text").put("content", OPEN);
        }
        return new Post(robot.webhook(), body.toString());
    }

    private static void link(ChatMessage message, StringBuilder markdown) {
        if (message.link() != null) {
            markdown.append("[").append(OPEN).append("](").append(message.link().replace(")", "%29")).append(")");
        }
    }

    /**
     * Customer text cannot make a link, an image, a mention or HTML, and stays on its line: a bracket that would
     * close a link ({@code ](}, {@code ][}, {@code ]:}) becomes a full-width one, as do angle brackets.
     */
    static String plain(String text) {
        return text.replaceAll("[\\r\\n]+", " ").replaceAll("](?=[(\\[:])", "］").replace('<', '＜').replace('>', '＞')
                .replace('`', '\'');
    }

    static byte[] hmac(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
