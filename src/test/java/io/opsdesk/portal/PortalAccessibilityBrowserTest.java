package io.opsdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsdesk.Chromium;
import io.opsdesk.Http;
import io.opsdesk.Jobs;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.Tasklist;
import io.opsdesk.ticket.Level;
import io.opsdesk.ticket.NewTicket;
import io.opsdesk.ticket.TicketService;
import io.opsdesk.ticket.TicketType;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;

/**
 * Every customer portal page passes an axe-core audit against WCAG 2.0, 2.1 and 2.2 level A and AA in Chromium,
 * in Chinese and in English: the new-ticket form (empty and with its field messages), the confirmation, a
 * tracking page with its timeline and acceptance form, "not found" and the error pages. axe-core comes from
 * npm ({@code tools/a11y}, installed by {@code .ci/run}; locally {@code cd tools/a11y && npm ci}).
 */
@OpsDeskTest
class PortalAccessibilityBrowserTest {

    static final Path AXE = Path.of("tools", "a11y", "node_modules", "axe-core", "axe.min.js");
    static final String RULES = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']";
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static Chromium chromium = new Chromium();

    static String axe;

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TicketService tickets;

    ChromeDriver browser;
    String base;

    @BeforeAll
    static void readAxe() throws IOException {
        assertThat(AXE).as("axe-core is missing: run 'npm ci' in tools/a11y (.ci/run does)").exists();
        axe = Files.readString(AXE);
    }

    @BeforeEach
    void freshSession() {
        browser = chromium.driver();
        base = "http://localhost:" + port;
        chromium.desktop();
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        browser.get(base + "/portal/tickets/new");
        browser.manage().deleteAllCookies();
    }

    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void everyPortalPagePassesAnAxeWcagAudit(String lang) throws Exception {
        List<String> violations = new ArrayList<>();
        TicketService.Created delivered = deliveredTicket(lang);

        browser.get(base + "/portal/tickets/new?lang=" + lang);
        assertThat(browser.findElement(By.id("title")).getAttribute("aria-invalid")).isNull();
        audit("new ticket form", violations);

        browser.findElement(By.id("submit")).click();
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("title-error")));
        // a screen reader announces the field's message with the field
        assertThat(browser.findElement(By.id("title")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("title")).getAttribute("aria-describedby")).isEqualTo("title-error");
        audit("new ticket form with field messages", violations);

        fillTicket(lang);
        browser.findElement(By.id("submit")).click();
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-key")));
        audit("confirmation", violations);

        String key = delivered.ticket().key();
        browser.get(base + "/portal/tickets/" + key + "?token=" + delivered.trackingToken());
        chromium.waiting().until(ExpectedConditions.urlToBe(base + "/portal/tickets/" + key));
        assertThat(browser.findElements(By.cssSelector("#timeline li"))).as("timeline entries").isNotEmpty();
        assertThat(browser.findElements(By.id("accept-form"))).as("acceptance form").isNotEmpty();
        audit("tracking page", violations);

        browser.findElement(By.id("reject")).click();
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("reject-error")));
        assertThat(browser.findElement(By.id("reject-comment")).getAttribute("aria-describedby")).isEqualTo("reject-error");
        audit("tracking page with a refused rejection", violations);

        for (String page : List.of("/portal/tickets/OPS-999999", "/portal/too-large", "/portal/expired")) {
            browser.get(base + page);
            audit(page, violations);
        }
        assertThat(violations).as("axe-core WCAG 2 A/AA violations (" + lang + ")").isEmpty();
    }

    /** Runs axe-core on the page in the browser and adds one line per violation and element. */
    private void audit(String page, List<String> violations) throws IOException {
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).as(page + ": html lang").isNotBlank();
        chromium.script(axe);
        Object result = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: " + RULES + "}, resultTypes: ['violations']})"
                + ".then(r => done(JSON.stringify(r.violations))).catch(e => done('axe failed: ' + e));");
        assertThat(result.toString()).as(page).startsWith("[");
        for (JsonNode violation : JSON.readTree(result.toString())) {
            for (JsonNode node : violation.get("nodes")) {
                violations.add(page + ": " + violation.get("id").asText() + " (" + violation.get("impact").asText() + ") "
                        + node.get("target") + " " + node.path("failureSummary").asText().replace('\n', ' '));
            }
        }
    }

    /** A ticket resolved by support and waiting for the customer's acceptance: handling plan, resolution, timeline. */
    private TicketService.Created deliveredTicket(String lang) {
        TicketService.Created created = tickets.create(new NewTicket(TicketType.FAULT, "Export stops at 50%",
                "Since Monday the monthly export stops.", "billing", Level.MEDIUM, Level.HIGH, "Li Wei",
                "a11y-" + UUID.randomUUID() + "@example.com", "ACME", lang, "API"), null);
        String key = created.ticket().key();
        Jobs.runDue(engine, key);
        Tasklist alice = new Tasklist(new Http(port), "alice");
        alice.complete(key, Elements.TRIAGE, Map.of(Variables.TICKET_TYPE, "BUSINESS_QUESTION",
                Variables.IMPACT, "LOW", Variables.URGENCY, "MEDIUM", Variables.ANALYSIS, "Known behaviour",
                Variables.TRIAGE_OUTCOME, "RESOLVE_IN_SUPPORT", Variables.HANDLING_PLAN, "We explain the export settings today."));
        Jobs.runDue(engine, key);
        alice.complete(key, Elements.RESOLVE_IN_SUPPORT, Map.of(Variables.RESOLUTION, "Run it again from Billing > Export."));
        Jobs.runDue(engine, key);
        return created;
    }

    private void fillTicket(String lang) {
        new Select(browser.findElement(By.id("type"))).selectByValue("FAULT");
        browser.findElement(By.id("title")).sendKeys("Invoice export stops");
        browser.findElement(By.id("description")).sendKeys("Since Monday the monthly export stops at 50%.");
        browser.findElement(By.id("system")).sendKeys("billing");
        new Select(browser.findElement(By.id("impact"))).selectByValue("MEDIUM");
        new Select(browser.findElement(By.id("urgency"))).selectByValue("HIGH");
        browser.findElement(By.id("name")).sendKeys("Li Wei");
        browser.findElement(By.id("email")).sendKeys("a11y-" + UUID.randomUUID() + "@example.com");
        new Select(browser.findElement(By.id("locale"))).selectByValue(lang);
    }
}
