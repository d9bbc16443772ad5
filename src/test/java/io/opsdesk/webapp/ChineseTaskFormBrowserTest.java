package io.opsdesk.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.opsdesk.Chromium;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.ticket.Level;
import io.opsdesk.ticket.NewTicket;
import io.opsdesk.ticket.TicketService;
import io.opsdesk.ticket.TicketType;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;

/**
 * A support engineer works a ticket in Chinese: Chromium with zh-CN signs in to Tasklist as alice, opens the triage
 * task (titled {@code OPS-… · 分诊：…}), reads the Chinese ticket context with times in the team's zone, fills in the
 * Chinese form and completes it. Saves the screenshot in docs/images/.
 */
@OpsDeskTest
class ChineseTaskFormBrowserTest {

    @RegisterExtension
    static Chromium chromium = new Chromium();

    @LocalServerPort
    int port;

    final TicketService tickets;
    final ProcessEngine engine;
    ChromeDriver browser;
    String base;

    @Autowired
    ChineseTaskFormBrowserTest(TicketService tickets, ProcessEngine engine) {
        this.tickets = tickets;
        this.engine = engine;
    }

    @BeforeEach
    void setUp() {
        browser = chromium.driver();
        base = "http://localhost:" + port;
        chromium.desktop();
        browser.get(base + "/camunda/app/welcome/");
        browser.manage().deleteAllCookies();
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void tearDown() {
        BpmnAwareTests.reset();
    }

    @Test
    void supportEngineerTriagesATicketInAChineseForm() throws IOException {
        TicketService.Created created = tickets.create(new NewTicket(TicketType.FAULT, "计费导出失败", "每晚的计费导出在 02:00 中断",
                "billing", Level.MEDIUM, Level.HIGH, "王芳", "wang.fang@example.com", "示例公司", "zh-CN", "API"), null);
        ProcessInstance process = created.process();
        engine.getManagementService().createJobQuery().processInstanceId(process.getId())
                .activityId(Elements.SEND_ACKNOWLEDGEMENT).list()
                .forEach(job -> engine.getManagementService().executeJob(job.getId()));
        String key = created.ticket().key();
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(process.getId()).singleResult().getId();

        chromium.signInToTasklist(base, "alice");
        browser.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId);
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details"),
                key + " · 分诊：计费导出失败"));
        chromium.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();

        chromium.waiting().until(ExpectedConditions.attributeContains(
                By.cssSelector("textarea[id$='-Field_TicketContext']"), "value", "类型："));
        String context = browser.findElement(By.cssSelector("textarea[id$='-Field_TicketContext']")).getAttribute("value");
        assertThat(context).contains(key + " — 计费导出失败", "影响：中", "紧急程度：高", "客户：王芳", "问题描述：", "最近动态：")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
        String form = browser.findElement(By.cssSelector(".fjs-form")).getText();
        assertThat(form).contains("类型", "影响程度", "紧急程度", "分析（内部）", "如何处理？", "由支持团队解决");

        chromium.centre(browser.findElement(By.cssSelector("textarea[id$='-Field_Analysis']"))).sendKeys("导出任务的数据库连接超时");
        WebElement supportResolves = browser.findElement(By.xpath("//label[normalize-space()='由支持团队解决']/input[@type='radio']"));
        chromium.click(supportResolves);
        chromium.waiting().until(ExpectedConditions.elementToBeSelected(supportResolves));
        WebElement plan = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("textarea[id$='-Field_HandlingPlan']")));
        chromium.centre(plan).sendKeys("今天调整连接超时并重新导出");
        Files.createDirectories(Path.of("docs", "images"));
        Files.write(Path.of("docs", "images", "tasklist-triage-form-zh.png"), browser.getScreenshotAs(OutputType.BYTES));
        chromium.click(browser.findElement(By.cssSelector("button.btn-primary[ng-click='complete()']")));

        chromium.waiting().until(driver -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
        assertThat(process).hasPassed(Elements.TRIAGE).isWaitingAt(Elements.SEND_HANDLING_PLAN)
                .variables().containsEntry("triageOutcome", "RESOLVE_IN_SUPPORT");
    }
}
