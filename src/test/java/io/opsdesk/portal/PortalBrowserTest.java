package io.opsdesk.portal;

import static io.opsdesk.TestMailServer.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.util.GreenMail;

import io.opsdesk.Chromium;
import io.opsdesk.Http;
import io.opsdesk.Jobs;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.Tasklist;
import io.opsdesk.TestMailServer;
import io.opsdesk.ticket.process.SupportTicketProcess.Elements;
import io.opsdesk.ticket.process.SupportTicketProcess.Variables;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.TicketService;
import io.opsdesk.ticket.TicketStatus;

/**
 * The portal and Camunda Tasklist in headless Chromium: a customer reports a ticket in the Chinese UI,
 * alice triages it in Tasklist's Camunda Form, the customer accepts the delivery in the portal; and the
 * pages fit a 375 px phone in both languages. Page images for docs/customer-portal.md are written to
 * {@code target/portal-screenshots/}.
 */
@OpsDeskTest
class PortalBrowserTest {

    static final Path PAGES = Path.of("target", "portal-screenshots");

    @RegisterExtension
    static Chromium chromium = new Chromium();

    @LocalServerPort
    int port;
    final ProcessEngine engine;
    final GreenMail greenMail;
    final TicketService tickets;

    ChromeDriver browser;
    String base;

    PortalBrowserTest(ProcessEngine engine, GreenMail greenMail, TicketService tickets) {
        this.engine = engine;
        this.greenMail = greenMail;
        this.tickets = tickets;
    }

    @BeforeEach
    void freshBrowserSession() {
        browser = chromium.driver();
        base = "http://localhost:" + port;
        chromium.desktop();
        browser.get(base + "/portal/tickets/new");
        browser.manage().deleteAllCookies();
    }

    @Test
    void customerSubmitsATicketInChineseAndFollowsTheTrackingLink() throws Exception {
        browser.get(base + "/portal/tickets/new");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("提交故障或需求");

        browser.findElement(By.id("submit")).click();
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("title-error")));
        assertThat(browser.findElement(By.id("title-error")).getText()).isEqualTo("请填写此项。");
        chromium.savePage(PAGES.resolve("portal-new-errors-zh.png"), 1024, false);
        chromium.desktop();

        fillTicket("月度账单导出失败", "zh-CN", customerEmail());
        browser.findElement(By.id("submit")).click();

        String key = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-key"))).getText();
        assertThat(key).matches("OPS-\\d{6,}");
        assertThat(browser.findElement(By.cssSelector(".alert.warn")).getText()).contains("仅显示一次");
        chromium.savePage(PAGES.resolve("portal-created-zh.png"), 1024, false);
        chromium.desktop();

        browser.findElement(By.id("tracking-link")).click();
        chromium.waiting().until(ExpectedConditions.urlToBe(base + "/portal/tickets/" + key));
        assertThat(browser.findElement(By.id("ticket-key")).getText()).isEqualTo(key);
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已受理");
        assertThat(browser.findElement(By.id("ticket-title")).getText()).isEqualTo("月度账单导出失败");
    }

    @Test
    void supportTriagesInTasklistAndTheCustomerAcceptsInThePortalWhichClosesTheTicket() throws Exception {
        String email = customerEmail();
        browser.get(base + "/portal/tickets/new?lang=en");
        fillTicket("Invoice export stops at 50%", "en", email);
        browser.findElement(By.id("submit")).click();
        String key = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-key"))).getText();
        Jobs.runDue(engine, key);

        triageInTasklist(key);
        Jobs.runDue(engine, key);
        new Tasklist(new Http(port), "alice").complete(key, Elements.RESOLVE_IN_SUPPORT, Map.of(
                Variables.RESOLUTION, "The export now streams its rows; run it again from Billing > Export."));
        Jobs.runDue(engine, key);

        // the customer follows the link in the delivery mail, in a browser that has never seen the ticket
        browser.manage().deleteAllCookies();
        browser.get(base + "/portal/tickets/new?lang=en");
        List<jakarta.mail.internet.MimeMessage> mails = mailsTo(greenMail, email);
        String delivery = TestMailServer.html(mails.get(mails.size() - 1));
        Matcher link = Pattern.compile("href=\"http://opsdesk\\.test(/portal/tickets/" + key + "\\?token=[A-Za-z0-9_-]+)\"").matcher(delivery);
        assertThat(link.find()).as("portal link in the delivery mail").isTrue();
        browser.get(base + link.group(1));
        chromium.waiting().until(ExpectedConditions.urlToBe(base + "/portal/tickets/" + key));
        assertThat(browser.findElement(By.id("status")).getAttribute("data-status")).isEqualTo("AWAITING_ACCEPTANCE");
        assertThat(browser.findElement(By.id("handling-plan")).getText()).isEqualTo("We explain the export settings today.");
        assertThat(browser.findElement(By.id("resolution")).getText()).contains("streams its rows");
        assertThat(browser.findElement(By.id("timeline")).getText()).doesNotContain("Known behaviour", "alice");
        chromium.savePage(PAGES.resolve("portal-acceptance-en.png"), 1024, false);
        chromium.desktop();

        browser.findElement(By.id("reject")).click();
        assertThat(chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("reject-error"))).getText())
                .isEqualTo("Please tell us what is still wrong, so we can fix it.");

        browser.findElement(By.id("rating-5")).click();
        browser.findElement(By.id("accept-comment")).sendKeys("Works again, thank you");
        browser.findElement(By.id("accept")).click();

        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Thank you for accepting. The ticket is closed.");
        assertThat(browser.findElement(By.id("status")).getAttribute("data-status")).isEqualTo("CLOSED");
        assertThat(browser.findElements(By.id("accept-form"))).isEmpty();
        Ticket closed = tickets.open(key, null, true);
        assertThat(closed.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(closed.acceptanceRating()).isEqualTo(5);
        assertThat(closed.acceptanceComment()).isEqualTo("Works again, thank you");
        chromium.savePage(PAGES.resolve("portal-closed-en.png"), 1024, false);
    }

    @Test
    void pagesFitA375PixelPhoneInBothLanguagesAndShowAScriptTitleAsText() throws Exception {
        String title = "<script>alert('x')</script> Export of very_long_unbroken_system_identifiers_without_spaces_anywhere";
        TicketService.Created created = tickets.create(new io.opsdesk.ticket.NewTicket(
                io.opsdesk.ticket.TicketType.FAULT, title, "Line one\n<img src=x onerror=alert(1)>", "billing",
                io.opsdesk.ticket.Level.HIGH, io.opsdesk.ticket.Level.MEDIUM, "Li Wei", customerEmail(), "ACME", "en", "API"), null);
        String key = created.ticket().key();
        Jobs.runDue(engine, key);

        for (String lang : List.of("zh-CN", "en")) {
            chromium.phone(375, 812);
            browser.get(base + "/portal/tickets/new?lang=" + lang);
            assertThat(((Number) chromium.script("return window.innerWidth")).intValue()).isEqualTo(375);
            assertFitsTheScreen("new ticket form, " + lang);
            chromium.savePage(PAGES.resolve("portal-new-" + lang + "-375.png"), 375, true);

            chromium.phone(375, 812);
            browser.get(base + "/portal/tickets/" + key + "?token=" + created.trackingToken());
            chromium.waiting().until(ExpectedConditions.urlToBe(base + "/portal/tickets/" + key));
            assertFitsTheScreen("tracking page, " + lang);
            assertThat(browser.findElement(By.id("ticket-title")).getText()).isEqualTo(title);
            assertThat(browser.findElement(By.id("description")).getText()).isEqualTo("Line one\n<img src=x onerror=alert(1)>");
            assertThat(chromium.script("return document.querySelectorAll('script, main img').length")).isEqualTo(0L);
            assertNoAlert();
            chromium.savePage(PAGES.resolve("portal-ticket-" + lang + "-375.png"), 375, true);
        }
    }

    private void triageInTasklist(String key) throws java.io.IOException {
        String taskId = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
                .taskDefinitionKey(Elements.TRIAGE).singleResult().getId();
        chromium.signInToTasklist(base, "alice");

        browser.get(base + "/camunda/app/tasklist/default/#/?task=" + taskId);
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details"), key));
        chromium.waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
        chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("textarea[id$='-Field_Analysis']")));
        chromium.waiting().until(ExpectedConditions.attributeContains(
                By.cssSelector("textarea[id$='-Field_TicketContext']"), "value", key));

        choose("Field_TicketType", "Business question");
        choose("Field_Impact", "Low");
        choose("Field_Urgency", "Medium");
        chromium.centre(browser.findElement(By.cssSelector("textarea[id$='-Field_Analysis']"))).sendKeys("Known behaviour of the export filter");
        WebElement resolveInSupport = browser.findElement(By.xpath("//label[normalize-space()='Support resolves it']/input[@type='radio']"));
        chromium.click(resolveInSupport);
        chromium.waiting().until(ExpectedConditions.elementToBeSelected(resolveInSupport));
        WebElement plan = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("textarea[id$='-Field_HandlingPlan']")));
        chromium.centre(plan).sendKeys("We explain the export settings today.");
        chromium.savePage(PAGES.resolve("tasklist-triage.png"), 1280, false);
        chromium.desktop();

        chromium.click(browser.findElement(By.cssSelector("button.btn-primary[ng-click='complete()']")));
        chromium.waiting().until(driver -> engine.getTaskService().createTaskQuery().taskId(taskId).count() == 0);
        assertThat(engine.getRuntimeService().getVariable(
                engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult().getId(),
                Variables.TRIAGE_OUTCOME)).isEqualTo("RESOLVE_IN_SUPPORT");
    }

    /** A Camunda Form (form-js) select: open its dropdown, pick the option by its label. */
    private void choose(String fieldId, String label) {
        WebElement display = browser.findElement(By.cssSelector("[id$='-" + fieldId + "-display']"));
        chromium.click(display);
        WebElement option = chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + label + "']")));
        chromium.click(option);
        chromium.waiting().until(ExpectedConditions.textToBePresentInElement(display, label));
    }


    private void fillTicket(String title, String locale, String email) {
        new Select(browser.findElement(By.id("type"))).selectByValue("FAULT");
        browser.findElement(By.id("title")).clear();
        browser.findElement(By.id("title")).sendKeys(title);
        browser.findElement(By.id("description")).sendKeys("Since Monday the monthly export stops at 50%.");
        browser.findElement(By.id("system")).sendKeys("billing");
        new Select(browser.findElement(By.id("impact"))).selectByValue("MEDIUM");
        new Select(browser.findElement(By.id("urgency"))).selectByValue("HIGH");
        browser.findElement(By.id("name")).sendKeys("Li Wei");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("organization")).sendKeys("ACME");
        new Select(browser.findElement(By.id("locale"))).selectByValue(locale);
    }

    private void assertFitsTheScreen(String what) {
        long scrollWidth = ((Number) chromium.script("return document.documentElement.scrollWidth")).longValue();
        long innerWidth = ((Number) chromium.script("return window.innerWidth")).longValue();
        assertThat(scrollWidth).as(what + ": scrollWidth <= innerWidth").isLessThanOrEqualTo(innerWidth);
    }

    private void assertNoAlert() {
        try {
            browser.switchTo().alert();
            throw new AssertionError("a script ran: an alert is open");
        } catch (NoAlertPresentException expected) {
            // the title was shown as text
        }
    }

    private static String customerEmail() {
        return "browser-" + UUID.randomUUID() + "@example.com";
    }
}
