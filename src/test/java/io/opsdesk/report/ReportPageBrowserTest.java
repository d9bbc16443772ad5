package io.opsdesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.opsdesk.Chromium;
import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.testing.Needs;
import io.opsdesk.testing.Prerequisite;

/**
 * A manager opens an operations report in headless Chromium (HTTP Basic, as a browser sends it): the page shows
 * its sections and every chart the server drew, loaded and 800 px wide. The page image goes to
 * {@code target/report-screenshots/}.
 */
@OpsDeskTest
@Needs(Prerequisite.CHINESE_FONT)
class ReportPageBrowserTest {

    static final Path PAGES = Path.of("target", "report-screenshots");
    static final Path AXE = Path.of("tools", "a11y", "node_modules", "axe-core", "axe.min.js");

    @RegisterExtension
    static Chromium chromium = new Chromium();

    @LocalServerPort
    int port;
    final JdbcClient jdbc;

    final TaskService tasks;
    final RuntimeService runtime;

    ReportPageBrowserTest(JdbcClient jdbc, TaskService tasks, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.runtime = runtime;
    }

    @AfterEach
    void noMoreCredentials() {
        chromium.driver().executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
    }

    @Test
    void managerSeesTheReportWithEveryChartRendered() throws Exception {
        // the fixture week of ReportFiguresTest: eight tickets and two inspection runs with known timings
        new ReportFixture(jdbc).loadWeek();
        Http http = new Http(port);
        Http.Response created = http.postJson("/api/reports", Map.of("period", "CUSTOM", "firstDay", "2024-06-03",
                "lastDay", "2024-06-09"), "Authorization", Http.basic("mike", "mike"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();

        ChromeDriver browser = chromium.driver();
        chromium.desktop();
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", Http.basic("mike", "mike"))));
        browser.get("http://localhost:" + port + "/reports/" + id);

        assertThat(chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText())
                .isEqualTo("Operations report " + id);
        assertThat(browser.findElements(By.tagName("h2"))).extracting(WebElement::getText)
                .contains("Summary", "Volumes", "Backlog", "SLA compliance", "Exception hot spots", "System health",
                        "Releases", "Difficulties", "Time per process step");
        assertThat(browser.findElement(By.id("releases-summary")).getText())
                .isEqualTo("1 delivered (2 tickets shipped), 1 rolled back, 0 not approved");
        List<WebElement> charts = browser.findElements(By.cssSelector("img.chart"));
        assertThat(charts).hasSize(ReportChart.values().length);
        chromium.waiting().until(driver -> charts.stream().allMatch(chart -> Boolean.TRUE.equals(
                chromium.script("return arguments[0].complete && arguments[0].naturalWidth > 0", chart))));
        for (WebElement chart : charts) {
            assertThat(((Number) chromium.script("return arguments[0].naturalWidth", chart)).intValue())
                    .as(chart.getAttribute("alt")).isEqualTo(800);
            assertThat(((Number) chromium.script("return arguments[0].naturalHeight", chart)).intValue()).isEqualTo(400);
        }
        assertThat(charts).extracting(chart -> chart.getAttribute("alt"))
                .containsExactlyInAnyOrder(java.util.Arrays.stream(ReportChart.values()).map(ReportChart::title).toArray(String[]::new));
        // the fixture week's figures (ReportFiguresTest): five opened, three closed
        assertThat(browser.findElement(By.xpath("//div[@id='summary']/div[starts-with(normalize-space(), 'Opened')]/b")).getText())
                .isEqualTo("5");
        assertThat(browser.findElement(By.xpath("//div[@id='summary']/div[starts-with(normalize-space(), 'Closed')]/b")).getText())
                .isEqualTo("3");
        chromium.savePage(PAGES.resolve("report-page.png"), 1024, false);
        chromium.desktop();
    }

    /** A supervisor reading in Chinese: the people's tables, marked as Chinese, pass an axe-core audit. */
    @Test
    void supervisorSeesThePeopleAndGroupsInTheirLanguage() throws Exception {
        new PeopleFixture(jdbc, tasks).load();
        Http.Response created = new Http(port).postJson("/api/reports", PeopleVisibilityTest.PEOPLE_WEEK,
                "Authorization", Http.basic("carol", "carol"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        ChromeDriver browser = chromium.driver();
        chromium.desktop();
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers",
                Map.of("Authorization", Http.basic("carol", "carol"), "Accept-Language", "zh-CN")));
        browser.get("http://localhost:" + port + "/reports/" + created.json().get("id").asLong());

        WebElement people = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("people")));
        assertThat(people.getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(people.findElement(By.tagName("h2")).getText()).isEqualTo("人员与小组");
        assertThat(people.findElements(By.tagName("caption"))).extracting(WebElement::getText).containsExactly("按人员", "按小组");
        assertThat(browser.findElements(By.cssSelector("#people-persons th[scope=row]"))).extracting(WebElement::getText)
                .containsExactly("pfli", "pfwang", "pfzhao", "pfsun");
        assertThat(browser.findElements(By.cssSelector("#people-groups tr:nth-child(3) td"))).extracting(WebElement::getText)
                .containsExactly("3", "3 h 0 min", "5 h 0 min", "1 / 1 (100.0 %)", "2", "1", "4.0 (1)");
        assertThat(AXE).as("axe-core is missing: run 'npm ci' in tools/a11y (.ci/run does)").exists();
        chromium.script(Files.readString(AXE));
        Object violations = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run('#people', {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},"
                + " resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations))).catch(e => done('axe failed: ' + e));");
        assertThat(violations.toString()).isEqualTo("[]");
        chromium.savePage(PAGES.resolve("report-people.png"), 1024, false);
        org.camunda.bpm.engine.runtime.ProcessInstance process = runtime.createProcessInstanceQuery()
                .processDefinitionKey(OperationsReportProcess.KEY)
                .variableValueEquals(OperationsReportProcess.Variables.REPORT_ID, created.json().get("id").asLong()).singleResult();
        runtime.deleteProcessInstance(process.getId(), "test done: no mail job left for a later test's job executor");
    }
}
