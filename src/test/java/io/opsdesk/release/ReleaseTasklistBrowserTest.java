package io.opsdesk.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.opsdesk.Chromium;
import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.release.ReleaseDeliveryProcess.Elements;
import io.opsdesk.release.TicketsForRelease.Case;
import io.opsdesk.ticket.TicketService;

/**
 * A supervisor approves a release in Camunda Tasklist, in headless Chromium: the task is named after the release,
 * its Camunda Form shows the generated release notes, and completing it plans the maintenance window.
 */
@OpsDeskTest
class ReleaseTasklistBrowserTest {

    @RegisterExtension
    static Chromium chromium = new Chromium();

    @LocalServerPort
    int port;
    final ProcessEngine engine;
    final TicketService ticketService;
    final ReleaseService releases;

    ChromeDriver browser;
    String base;

    ReleaseTasklistBrowserTest(ProcessEngine engine, TicketService ticketService, ReleaseService releases) {
        this.engine = engine;
        this.ticketService = ticketService;
        this.releases = releases;
    }

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        browser = chromium.driver();
        base = "http://localhost:" + port;
        chromium.desktop();
    }

    @AfterEach
    void tearDown() {
        BpmnAwareTests.reset();
    }

    @Test
    void supervisorReadsTheReleaseNotesInTheApprovalFormAndApproves() {
        Case ticket = new TicketsForRelease(ticketService).awaitingRelease("en");
        Http.Response created = new Http(port).postJson("/api/releases", Map.of("version", "3.1.0",
                "summary", "Regional tax rates", "tickets", java.util.List.of(ticket.key())), "Authorization", Http.basic("alice", "alice"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.json().get("key").asText();
        ProcessInstance release = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
        String taskId = engine.getTaskService().createTaskQuery().processInstanceId(release.getId()).singleResult().getId();

        chromium.signInToTasklist(base, "carol");

        browser.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId);
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details"),
                key + " · 审批发布：3.1.0"));
        chromium.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        chromium.waiting().until(ExpectedConditions.attributeContains(
                By.cssSelector("textarea[id$='-Field_ReleaseContext']"), "value", "Release 3.1.0"));
        String context = browser.findElement(By.cssSelector("textarea[id$='-Field_ReleaseContext']")).getAttribute("value");
        assertThat(context).contains(key + " · AWAITING_APPROVAL · requested by alice", "Regional tax rates",
                "- " + ticket.key() + " [FAULT, P2, billing] " + TicketsForRelease.TITLE, TicketsForRelease.RESOLUTION);

        chromium.click(browser.findElement(By.cssSelector("input[id$='-Field_ReleaseApproved']")));
        chromium.centre(browser.findElement(By.cssSelector("textarea[id$='-Field_ApprovalComment']"))).sendKeys("Approved for the window");
        chromium.click(browser.findElement(By.cssSelector("button.btn-primary[ng-click='complete()']")));

        chromium.waiting().until(driver -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
        assertThat(release).isWaitingAt(Elements.MAINTENANCE_WINDOW);
        Release approved = releases.find(key).orElseThrow();
        assertThat(approved.status()).isEqualTo(ReleaseStatus.SCHEDULED);
        assertThat(approved.decidedBy()).isEqualTo("carol");
        assertThat(approved.decisionComment()).isEqualTo("Approved for the window");
    }
}
