package io.opsdesk.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
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
import io.opsdesk.chat.TeamChatProcess;
import io.opsdesk.ticket.TicketService;

/** A release waiting for approval reaches the supervisors' chat (DingTalk in the test context) in Chinese. */
@OpsDeskTest
class ReleaseChatTest {

    private final ProcessEngine engine;
    private final ReleaseChat releaseChat;
    private final TestChatRobots robots;
    private final TicketService tickets;

    @LocalServerPort
    int port;

    @Autowired
    ReleaseChatTest(ProcessEngine engine, ReleaseChat releaseChat, TestChatRobots robots, TicketService tickets) {
        this.engine = engine;
        this.releaseChat = releaseChat;
        this.robots = robots;
        this.tickets = tickets;
    }

    @Test
    void aReleaseRequestedThroughTheApiWaitsForApprovalInTheSupervisorsChat() throws Exception {
        TicketsForRelease.Case ticket = new TicketsForRelease(tickets).awaitingRelease("zh-CN");
        Http.Response created = new Http(port).postJson("/api/releases", Map.of("version", "3.2.0",
                "summary", "地区税率", "tickets", List.of(ticket.key())), "Authorization", Http.basic("alice", "alice"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.json().get("key").asText();

        execute(job(TeamChatProcess.Elements.SEND, runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(TeamChatProcess.KEY).variableValueEquals(TeamChatProcess.Variables.TITLE,
                        "[" + key + "] 版本 3.2.0 等待审批").singleResult()));
        assertThat(robots.received()).singleElement().satisfies(post -> {
            assertThat(post.path()).isEqualTo(TestChatRobots.DINGTALK_PATH);
            assertThat(new ObjectMapper().readTree(post.body()).at("/markdown/text").asText())
                    .contains("内容：地区税率", ticket.key(), "申请人：alice");
        });
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
    void aRegisteredReleaseIsAnnouncedToSupervisors() throws Exception {
        Release release = new Release(424242, "REL-424242", "2.7.0", "导出修复", ReleaseStatus.values()[0], "bob",
                Instant.parse("2026-12-01T02:00:00Z"), "no-such-instance", "notes", null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, List.of(
                        new Release.IncludedTicket("OPS-000007", "计费导出失败", "FAULT", "P2", "billing", "IN_TESTING", null, null),
                        new Release.IncludedTicket("OPS-000009", "报表慢", "FAULT", "P3", "report", "IN_TESTING", null, null)));
        releaseChat.awaitingApproval(release);

        execute(job(TeamChatProcess.Elements.SEND, runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(TeamChatProcess.KEY).variableValueEquals(TeamChatProcess.Variables.TITLE,
                        "[REL-424242] 版本 2.7.0 等待审批").singleResult()));
        assertThat(robots.received()).singleElement().satisfies(post -> {
            assertThat(post.path()).isEqualTo(TestChatRobots.DINGTALK_PATH);
            JsonNode body = new ObjectMapper().readTree(post.body());
            assertThat(body.at("/markdown/text").asText()).isEqualTo("### [REL-424242] 版本 2.7.0 等待审批\n\n"
                    + "内容：导出修复\n\n包含工单：OPS-000007 计费导出失败、OPS-000009 报表慢\n\n申请人：bob\n\n"
                    + "[查看详情](http://opsdesk.test/camunda/app/cockpit/default/#/process-instance/no-such-instance)");
        });
    }
}
