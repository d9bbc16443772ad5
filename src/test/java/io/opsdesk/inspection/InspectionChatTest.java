package io.opsdesk.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsdesk.TestChatRobots;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.chat.TeamChatProcess;

/** A failed daily inspection reaches support's chat in Chinese; a run with warnings only does not. */
@OpsDeskTest
class InspectionChatTest {

    private final ProcessEngine engine;
    private final InspectionChat inspectionChat;
    private final TestChatRobots robots;

    @Autowired
    InspectionChatTest(ProcessEngine engine, InspectionChat inspectionChat, TestChatRobots robots) {
        this.engine = engine;
        this.inspectionChat = inspectionChat;
        this.robots = robots;
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
    void aRunWithAFailedCheckIsAnnouncedToSupport() throws Exception {
        InspectionRun run = run(987654, result("billing-db", CheckStatus.FAILED, "连接被拒绝 connection refused"),
                result("portal", CheckStatus.WARNING, "slow"), result("self-http", CheckStatus.OK, "ok"));
        inspectionChat.finished(run, null);

        execute(job(TeamChatProcess.Elements.SEND, message("[巡检 #987654]%")));
        assertThat(robots.received()).singleElement().satisfies(post -> {
            assertThat(post.path()).isEqualTo(TestChatRobots.WECOM_PATH);
            assertThat(new ObjectMapper().readTree(post.body()).at("/markdown/content").asText()).isEqualTo("""
                    ### [巡检 #987654] 每日巡检失败：1 项检查未通过
                    > 巡检时间 2026-12-01 09:00：正常 1 项，警告 1 项，失败 1 项，发现问题 2 个。
                    > 失败 · billing-db：连接被拒绝 connection refused
                    [查看详情](http://opsdesk.test/camunda/app/tasklist/default/)""");
        });
    }

    @Test
    void aRunWithWarningsOnlyIsNotAnnounced() {
        inspectionChat.finished(run(987655, result("portal", CheckStatus.WARNING, "slow")), null);
        assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(TeamChatProcess.KEY)
                .variableValueLike(TeamChatProcess.Variables.TITLE, "[巡检 #987655]%").count()).isZero();
    }

    private static ProcessInstance message(String titleLike) {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(TeamChatProcess.KEY)
                .variableValueLike(TeamChatProcess.Variables.TITLE, titleLike).singleResult();
    }

    private static InspectionRun run(long id, CheckResult... results) {
        List<CheckResult> all = List.of(results);
        int count = (int) all.stream().filter(r -> r.status() == CheckStatus.OK).count();
        int warnings = (int) all.stream().filter(r -> r.status() == CheckStatus.WARNING).count();
        int failed = (int) all.stream().filter(r -> r.status() == CheckStatus.FAILED).count();
        return new InspectionRun(id, "test", Instant.parse("2026-12-01T01:00:00Z"), Instant.parse("2026-12-01T01:01:00Z"),
                count, warnings, failed, warnings + failed, all);
    }

    private static CheckResult result(String target, CheckStatus status, String message) {
        return new CheckResult(target, TargetKind.NETWORK, status, null, null, message, List.of());
    }
}
