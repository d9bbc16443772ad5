package io.opsdesk.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.TestChatRobots;
import io.opsdesk.TestChatRobots.Received;
import io.opsdesk.chat.TeamChatProcess.Elements;
import io.opsdesk.chat.TeamChatProcess.Variables;

/**
 * Messages to the staff groups' chat robots, against local robots that record what they get: each platform's
 * format and signature, an asynchronous step that retries a failing robot and then leaves an incident, a group
 * without a robot that gets nothing, and a process nobody may start by hand.
 */
@OpsDeskTest
class TeamChatTest {

    static final String LINK = "http://opsdesk.test/camunda/app/tasklist/default/";

    private final ProcessEngine engine;
    private final TeamChat chat;
    private final TestChatRobots robots;
    private final Http http;
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    TeamChatTest(ProcessEngine engine, TeamChat chat, TestChatRobots robots, @LocalServerPort int port) {
        this.engine = engine;
        this.chat = chat;
        this.robots = robots;
        this.http = new Http(port);
    }

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
        robots.reset();
    }

    @AfterEach
    void tidy() {
        robots.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void weComGetsMarkdownAndCustomerTextCannotAddALink() throws Exception {
        String title = "企业微信测试 " + UUID.randomUUID();
        ProcessInstance message = announce("support", ChatMessage.of(title,
                List.of("第一行 [first] line", "客户：[点此](http://evil.example) <at> ![x][y]"), LINK));
        assertThat(robots.received()).as("nothing is posted before the asynchronous step runs").isEmpty();

        execute(job(Elements.SEND, message));

        Received post = single();
        assertThat(post.path()).isEqualTo(TestChatRobots.WECOM_PATH);
        assertThat(post.rawQuery()).isEqualTo("key=" + TestChatRobots.WECOM_KEY);
        assertThat(post.contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(json.readTree(post.body())).isEqualTo(json.readTree("""
                {"msgtype": "markdown", "markdown": {"content":
                  "### %s\\n> 第一行 [first] line\\n> 客户：[点此］(http://evil.example) ＜at＞ ![x］[y]\\n[查看详情](%s)"}}
                """.formatted(title, LINK)));
        assertThat(message).isEnded();
    }

    @Test
    void dingTalkGetsMarkdownSignedInTheUrl() throws Exception {
        String title = "钉钉测试 " + UUID.randomUUID();
        long before = System.currentTimeMillis();
        execute(job(Elements.SEND, announce("supervisors", ChatMessage.of(title, List.of("一", "二"), LINK))));

        Received post = single();
        assertThat(post.path()).isEqualTo(TestChatRobots.DINGTALK_PATH);
        Map<String, String> query = query(post.rawQuery());
        assertThat(query).containsOnlyKeys("access_token", "timestamp", "sign")
                .containsEntry("access_token", TestChatRobots.DINGTALK_TOKEN);
        long timestamp = Long.parseLong(query.get("timestamp"));
        assertThat(timestamp).as("milliseconds, now").isBetween(before, System.currentTimeMillis());
        String secret = TestChatRobots.DINGTALK_SECRET;
        assertThat(query.get("sign")).isEqualTo(base64(hmac(secret, timestamp + "\n" + secret)));
        assertThat(post.rawQuery()).contains("&sign=" + URLEncoder.encode(query.get("sign"), StandardCharsets.UTF_8));
        assertThat(json.readTree(post.body())).isEqualTo(json.readTree("""
                {"msgtype": "markdown", "markdown": {"title": "%s", "text": "### %s\\n\\n一\\n\\n二\\n\\n[查看详情](%s)"}}
                """.formatted(title, title, LINK)));
    }

    @Test
    void feishuGetsAnInteractiveCardSignedInTheBody() throws Exception {
        String title = "飞书测试 " + UUID.randomUUID();
        long before = System.currentTimeMillis() / 1000;
        execute(job(Elements.SEND, announce("managers", ChatMessage.of(title, List.of("一", "二"), LINK))));

        Received post = single();
        assertThat(post.path()).isEqualTo(TestChatRobots.FEISHU_PATH);
        JsonNode body = json.readTree(post.body());
        long timestamp = Long.parseLong(body.path("timestamp").asText());
        assertThat(timestamp).as("seconds, now").isBetween(before, System.currentTimeMillis() / 1000);
        String stringToSign = timestamp + "\n" + TestChatRobots.FEISHU_SECRET;
        assertThat(body.path("sign").asText()).isEqualTo(base64(hmac(stringToSign, "")));
        assertThat(body).isEqualTo(json.readTree("""
                {"timestamp": "%d", "sign": "%s", "msg_type": "interactive", "card": {
                  "config": {"wide_screen_mode": true},
                  "header": {"template": "red", "title": {"tag": "plain_text", "content": "%s"}},
                  "elements": [
                    {"tag": "div", "text": {"tag": "lark_md", "content": "一\\n二"}},
                    {"tag": "action", "actions": [{"tag": "button", "type": "primary", "url": "%s",
                      "text": {"tag": "plain_text", "content": "查看详情"}}]}]}}
                """.formatted(timestamp, body.path("sign").asText(), title, LINK)));
    }

    @Test
    void aGroupWithoutARobotGetsNothing() {
        String title = "开发组没有机器人 " + UUID.randomUUID();
        assertThat(chat.reaches("development")).isFalse();
        chat.announce("development", ChatMessage.of(title, List.of("x"), LINK));
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(TeamChatProcess.KEY)
                .variableValueEquals(Variables.TITLE, title).count()).as("no step to post it").isZero();
        assertThat(robots.received()).isEmpty();
    }

    @Test
    void aRobotAnsweringHttp500IsRetriedThenAnIncidentAndRetryFromCockpitDeliversIt() {
        robots.answer(TestChatRobots.WECOM_PATH, 500, "{\"errcode\":-1,\"errmsg\":\"system busy\"}");
        ProcessInstance message = announce("support", ChatMessage.of("重试测试 " + UUID.randomUUID(), List.of("x"), LINK));
        String post = job(Elements.SEND, message).getId();

        for (int retriesLeft = 5; retriesLeft >= 0; retriesLeft--) {
            assertThatThrownBy(() -> managementService().executeJob(post)).hasMessageContaining("answered HTTP 500")
                    .hasMessageNotContaining(TestChatRobots.WECOM_KEY);
            assertThat(jobQuery().jobId(post).singleResult()).hasRetries(retriesLeft);
        }
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(message.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(Elements.SEND);
        assertThat(incident.getIncidentMessage()).contains("support → wecom robot at http://127.0.0.1:" + TestChatRobots.PORT);
        assertThat(robots.received()).hasSize(6);

        robots.answer(TestChatRobots.WECOM_PATH, 200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        managementService().setJobRetries(post, 1);
        managementService().executeJob(post);
        assertThat(message).isEnded();
        assertThat(robots.received()).hasSize(7);
    }

    @Test
    void aNonZeroCodeInTheAnswerIsAFailureOnEveryPlatform() {
        robots.answer(TestChatRobots.WECOM_PATH, 200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}");
        robots.answer(TestChatRobots.DINGTALK_PATH, 200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
        robots.answer(TestChatRobots.FEISHU_PATH, 200, "{\"code\":19021,\"msg\":\"sign match fail\",\"data\":{}}");
        for (String group : List.of("support", "supervisors", "managers")) {
            ProcessInstance message = announce(group, ChatMessage.of("错误码测试 " + UUID.randomUUID(), List.of("x"), LINK));
            String post = job(Elements.SEND, message).getId();
            assertThatThrownBy(() -> managementService().executeJob(post)).as(group)
                    .isInstanceOf(ChatDeliveryException.class).hasMessageContaining("refused the message");
            assertThat(jobQuery().jobId(post).singleResult()).as(group).hasRetries(5);
            assertThat(message).isNotEnded();
            runtimeService().deleteProcessInstance(message.getId(), "test done");
        }
        robots.answer(TestChatRobots.FEISHU_PATH, 200, "<html>proxy error page</html>");
        ProcessInstance notJson = announce("managers", ChatMessage.of("非 JSON " + UUID.randomUUID(), List.of(), LINK));
        assertThatThrownBy(() -> execute(job(Elements.SEND, notJson))).hasStackTraceContaining("not JSON");
        runtimeService().deleteProcessInstance(notJson.getId(), "test done");
    }

    @Test
    void noStaffMemberMayStartTheChatProcessByHand() {
        for (String user : List.of("alice", "bob", "carol", "mike")) {
            Http.Response response = http.postJson("/engine-rest/process-definition/key/" + TeamChatProcess.KEY + "/start",
                    Map.of("variables", Map.of(Variables.GROUP, Map.of("value", "support"), Variables.TITLE, Map.of("value", "伪造"))),
                    "Authorization", Http.basic(user, user));
            assertThat(response.status()).as(user + ": " + response.body()).isEqualTo(403);
        }
    }

    private ProcessInstance announce(String group, ChatMessage message) {
        chat.announce(group, message);
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(TeamChatProcess.KEY)
                .variableValueEquals(Variables.TITLE, message.title()).singleResult();
    }

    private Received single() {
        assertThat(robots.received()).hasSize(1);
        return robots.received().get(0);
    }

    private static Map<String, String> query(String rawQuery) {
        return Arrays.stream(rawQuery.split("&")).map(pair -> pair.split("=", 2)).collect(Collectors.toMap(
                pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
