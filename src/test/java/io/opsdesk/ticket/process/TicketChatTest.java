package io.opsdesk.ticket.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsdesk.OpsDeskTest;
import io.opsdesk.TestChatRobots;
import io.opsdesk.TestChatRobots.Received;
import io.opsdesk.chat.TeamChatProcess;
import io.opsdesk.ticket.Level;
import io.opsdesk.ticket.NewTicket;
import io.opsdesk.ticket.TicketService;
import io.opsdesk.ticket.TicketType;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.TriageOutcome;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/**
 * What the support-ticket process tells the staff chats, in Chinese: a new P1 ticket to support with a link to its
 * triage task, and the SLA ladder of a ticket to the owning group (warning), supervisors (breach) and managers
 * (150 %), each through that group's robot (WeCom, DingTalk, Feishu in the test context).
 */
@OpsDeskTest
class TicketChatTest {

    static final String TASKLIST = "http://opsdesk.test/camunda/app/tasklist/default/";

    private final ProcessEngine engine;
    private final TicketService tickets;
    private final TestChatRobots robots;
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    TicketChatTest(ProcessEngine engine, TicketService tickets, TestChatRobots robots) {
        this.engine = engine;
        this.tickets = tickets;
        this.robots = robots;
    }

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
        robots.reset();
    }

    @AfterEach
    void tidy() {
        ClockUtil.reset();
        robots.reset();
        BpmnAwareTests.reset();
    }

    @Test
    void aNewP1TicketIsAnnouncedToSupportWithALinkToItsTriageTask() throws Exception {
        TicketService.Created p1 = create(Level.HIGH, Level.HIGH);
        String key = p1.ticket().key();
        ProcessInstance message = chatAbout(key, "support");
        assertThat(message).as("announced in the transaction that decided P1").isNotNull();
        execute(job(Elements.SEND_ACKNOWLEDGEMENT, p1.process()));
        String triage = task(Elements.TRIAGE, p1.process()).getId();

        execute(job(TeamChatProcess.Elements.SEND, message));

        Received post = posted(key);
        assertThat(post.path()).isEqualTo(TestChatRobots.WECOM_PATH);
        assertThat(json.readTree(post.body()).at("/markdown/content").asText()).isEqualTo("""
                ### [%s] 新 P1 工单：数据库不可用
                > 决策表将该工单定为最高优先级 P1，请立即分诊。
                > 优先级：P1
                > 客户：周敏（示例科技）
                [查看详情](%s#/?task=%s)""".formatted(key, TASKLIST, triage));
    }

    @Test
    void aTriageThatRaisesTheTicketToP1AnnouncesItWhileTheEngineerIsLoggedIn() throws Exception {
        TicketService.Created p3 = create(Level.MEDIUM, Level.MEDIUM);
        String key = p3.ticket().key();
        execute(job(Elements.SEND_ACKNOWLEDGEMENT, p3.process()));
        assertThat(chatAbout(key, "support")).isNull();

        // as in Tasklist: alice (support) completes the triage; she may not start team-chat-message herself
        engine.getIdentityService().setAuthentication("alice", List.of("support"));
        try {
            engine.getTaskService().complete(task(Elements.TRIAGE, p3.process()).getId(), Map.of(
                    Variables.TICKET_TYPE, "FAULT", Variables.IMPACT, "HIGH", Variables.URGENCY, "HIGH",
                    Variables.ANALYSIS, "整个订单库不可用", Variables.TRIAGE_OUTCOME, TriageOutcome.RESOLVE_IN_SUPPORT.name(),
                    Variables.HANDLING_PLAN, "切换到备库"));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }

        execute(job(TeamChatProcess.Elements.SEND, chatAbout(key, "support")));
        assertThat(json.readTree(posted(key).body()).at("/markdown/content").asText())
                .startsWith("### [" + key + "] 新 P1 工单：数据库不可用\n> 分诊后优先级由 P3 升为 P1，请立即处理。\n> 优先级：P1\n");
    }

    @Test
    void aTicketBelowP1IsNotAnnounced() {
        String key = create(Level.MEDIUM, Level.MEDIUM).ticket().key();
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(TeamChatProcess.KEY)
                .variableValueLike(TeamChatProcess.Variables.TITLE, "[" + key + "]%").count()).isZero();
    }

    @Test
    void theSlaLadderReachesTheOwningGroupSupervisorsAndManagersInChinese() throws Exception {
        // Fri 2026-04-03 14:00, P2: first response due 16:00 (warning 15:30, 150 % at 17:00)
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-04-03T14:00+08:00").toInstant()));
        TicketService.Created p2 = create(Level.HIGH, Level.MEDIUM);
        String key = p2.ticket().key();
        execute(job(Elements.SEND_ACKNOWLEDGEMENT, p2.process()));

        fire(p2.process(), Elements.FIRST_RESPONSE_WARNING, Elements.FIRST_RESPONSE_WARNING_STEP);
        execute(job(TeamChatProcess.Elements.SEND, chatAbout(key, "support")));
        String warning = json.readTree(posted(key).body()).at("/markdown/content").asText();
        assertThat(warning).startsWith("### [" + key + "] SLA 预警：首次响应时限已用 75%：数据库不可用\n"
                + "> 该工单的首次响应时限已使用 75%，截止时间为 2026-04-03 16:00。\n");
        assertThat(warning).endsWith("[查看详情](" + TASKLIST + "#/?task=" + task(Elements.TRIAGE, p2.process()).getId() + ")");

        robots.reset();
        fire(p2.process(), Elements.FIRST_RESPONSE_BREACH, Elements.FIRST_RESPONSE_BREACH_STEP);
        execute(job(TeamChatProcess.Elements.SEND, chatAbout(key, "supervisors")));
        Received breach = posted(key);
        assertThat(breach.path()).isEqualTo(TestChatRobots.DINGTALK_PATH);
        assertThat(json.readTree(breach.body()).at("/markdown/title").asText()).isEqualTo("[" + key + "] SLA 已超时（首次响应）：数据库不可用");
        assertThat(json.readTree(breach.body()).at("/markdown/text").asText())
                .contains("该工单的首次响应 SLA 已超时（截止时间 2026-04-03 16:00）")
                .as("two open tasks (triage, the breach): the ticket in Cockpit")
                .endsWith("[查看详情](http://opsdesk.test/camunda/app/cockpit/default/#/process-instance/" + p2.process().getId() + ")");

        robots.reset();
        fire(p2.process(), Elements.FIRST_RESPONSE_ESCALATION, Elements.FIRST_RESPONSE_ESCALATION_STEP);
        execute(job(TeamChatProcess.Elements.SEND, chatAbout(key, "managers")));
        JsonNode card = json.readTree(posted(key).body()).path("card");
        assertThat(card.at("/header/title/content").asText()).isEqualTo("[" + key + "] SLA 升级至经理（首次响应已达 150%）：数据库不可用");
        assertThat(card.at("/elements/0/text/content").asText()).startsWith("该工单的首次响应时间已达目标的 150%（截止时间 2026-04-03 16:00），仍未完成。");
    }

    private TicketService.Created create(Level impact, Level urgency) {
        return tickets.create(new NewTicket(TicketType.FAULT, "数据库不可用", "订单库连接超时", "billing", impact, urgency,
                "周敏", "chat-" + UUID.randomUUID() + "@example.com", "示例科技", "zh-CN", "API"), null);
    }

    private static ProcessInstance chatAbout(String key, String group) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(TeamChatProcess.KEY)
                .variableValueLike(TeamChatProcess.Variables.TITLE, "[" + key + "]%")
                .variableValueEquals(TeamChatProcess.Variables.GROUP, group).singleResult();
    }

    private Received posted(String key) {
        List<Received> about = robots.received().stream().filter(r -> r.body().contains(key)).toList();
        assertThat(about).hasSize(1);
        return about.get(0);
    }

    /** Moves the clock just past the timer's due date, fires it, and runs the ladder step it leads to. */
    private static void fire(ProcessInstance process, String timer, String step) {
        Job job = job(timer, process);
        ClockUtil.setCurrentTime(Date.from(job.getDuedate().toInstant().plusSeconds(1)));
        execute(job);
        assertThat(process).hasPassed(step);
    }
}
