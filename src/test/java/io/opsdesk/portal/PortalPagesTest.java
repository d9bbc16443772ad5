package io.opsdesk.portal;

import static io.opsdesk.TestMailServer.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.icegreen.greenmail.util.GreenMail;

import io.opsdesk.Http;
import io.opsdesk.Jobs;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.TestMailServer;

/** The portal over plain HTTP (no browser): validation, CSRF, the token's way into the session, 404s, mails. */
@OpsDeskTest
class PortalPagesTest {

    @LocalServerPort
    int port;
    final ProcessEngine engine;
    final GreenMail greenMail;

    PortalPagesTest(ProcessEngine engine, GreenMail greenMail) {
        this.engine = engine;
        this.greenMail = greenMail;
    }

    @Test
    void invalidFormShowsMessagesNextToTheFieldsInTheCustomersLanguage() {
        PortalClient chinese = new PortalClient(port, "zh-CN,zh;q=0.9,en;q=0.8");
        PortalClient.Page page = chinese.submit("/portal/tickets/new", "new-ticket", Map.of(
                "type", "FAULT", "title", "", "description", "x", "system", "billing<script>",
                "impact", "HIGH", "urgency", "LOW", "name", "李伟", "email", "not-an-address", "locale", "zh-CN"));

        assertThat(page.status()).isEqualTo(200);
        Document html = page.html();
        assertThat(html.getElementById("title-error").text()).isEqualTo("请填写此项。");
        assertThat(html.getElementById("email-error").text()).startsWith("请输入有效的电子邮箱");
        assertThat(html.getElementById("system-error").text()).isEqualTo("只能包含字母、数字、空格和 . _ / -。");
        assertThat(html.getElementById("system").val()).isEqualTo("billing<script>");

        PortalClient english = new PortalClient(port, "en-US,en;q=0.9");
        Document en = english.submit("/portal/tickets/new", "new-ticket", Map.of("title", "x".repeat(201))).html();
        assertThat(en.getElementById("title-error").text()).isEqualTo("Please use at most 200 characters.");
        assertThat(en.getElementById("type-error").text()).isEqualTo("Please choose one.");
    }

    @Test
    void languageSwitchOverridesTheBrowserAndIsRemembered() {
        PortalClient client = new PortalClient(port, "zh-CN");
        assertThat(client.get("/portal/tickets/new").html().select("h1").text()).isEqualTo("提交故障或需求");
        assertThat(client.get("/portal/tickets/new?lang=en").html().select("h1").text()).isEqualTo("Report a problem or a request");
        assertThat(client.get("/portal/tickets/new").html().select("h1").text()).isEqualTo("Report a problem or a request");
        assertThat(new PortalClient(port, "de-DE").get("/portal/tickets/new").html().select("html").attr("lang")).isEqualTo("zh-CN");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedWhileTheApiStaysStateless() {
        PortalClient client = new PortalClient(port, "en");
        client.get("/portal/tickets/new");
        PortalClient.Page forged = client.post("/portal/tickets", validTicket("forged@example.com"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.html().select("h1").text()).isEqualTo("Something went wrong");

        Http.Response api = new Http(port).postJson("/api/tickets", Map.of(
                "type", "FAULT", "title", "API without CSRF", "description", "d", "system", "billing",
                "impact", "LOW", "urgency", "LOW", "customer", Map.of("name", "A", "email", "a@example.com")));
        assertThat(api.status()).isEqualTo(201);
        assertThat(api.header("Set-Cookie")).isNull();
    }

    @Test
    void submittedTicketShowsKeyAndLinkOnceAndTheLinkPutsTheTokenIntoTheSession() {
        PortalClient client = new PortalClient(port, "en");
        PortalClient.Page submitted = client.submit("/portal/tickets/new", "new-ticket", validTicket(customerEmail()));
        assertThat(submitted.status()).isEqualTo(302);
        assertThat(submitted.location()).isEqualTo("/portal/tickets/created");

        Document created = client.get("/portal/tickets/created").html();
        String key = created.getElementById("ticket-key").text();
        String link = created.getElementById("tracking-link").attr("href");
        assertThat(key).matches("OPS-\\d{6,}");
        assertThat(link).startsWith("/portal/tickets/" + key + "?token=");
        assertThat(created.getElementById("tracking-link").text()).isEqualTo("http://opsdesk.test" + link);

        // a fresh browser opens the link: the token goes into its session and the URL loses it
        PortalClient other = new PortalClient(port, "en");
        PortalClient.Page first = other.get(link);
        assertThat(first.status()).isEqualTo(302);
        assertThat(first.location()).isEqualTo("/portal/tickets/" + key);
        Document tracking = other.get(first.location()).html();
        assertThat(tracking.getElementById("ticket-key").text()).isEqualTo(key);
        assertThat(tracking.getElementById("status").attr("data-status")).isEqualTo("NEW");
        assertThat(tracking.getElementById("status").text()).isEqualTo("Received");
        assertThat(tracking.getElementById("ticket-title").text()).isEqualTo("Invoice <b>export</b> fails");
        assertThat(tracking.toString()).doesNotContain(link.substring(link.indexOf('=') + 1));
        assertThat(tracking.select("#reply-form")).hasSize(1);
        assertThat(tracking.select("#accept-form")).isEmpty();
    }

    @Test
    void unknownKeyWrongTokenAndMissingSessionAllShowTheSameNotFoundPage() {
        Http.Response api = new Http(port).postJson("/api/tickets", Map.of(
                "type", "FAULT", "title", "Secret title", "description", "d", "system", "billing",
                "impact", "LOW", "urgency", "LOW", "customer", Map.of("name", "A", "email", "a@example.com")));
        String key = api.json().get("key").asText();
        PortalClient client = new PortalClient(port, "en");

        PortalClient.Page wrongToken = client.get("/portal/tickets/" + key + "?token=wrong");
        PortalClient.Page unknownKey = client.get("/portal/tickets/OPS-999999?token=wrong");
        PortalClient.Page noSession = client.get("/portal/tickets/" + key);
        PortalClient.Page notAKey = client.get("/portal/tickets/not-a-key?token=x");

        for (PortalClient.Page page : new PortalClient.Page[] {wrongToken, unknownKey, noSession, notAKey}) {
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.body()).isEqualTo(wrongToken.body()).doesNotContain("Secret title").doesNotContain(key);
        }
        assertThat(wrongToken.html().select("h1").text()).isEqualTo("Ticket not found");
        PortalClient.Page forgedReply = client.post("/portal/tickets/" + key + "/replies", Map.of("message", "hi"));
        assertThat(forgedReply.status()).isEqualTo(403);
    }

    @Test
    void mailsLinkToTheTrackingPageWhereTheCustomerAddsInformation() throws Exception {
        String email = customerEmail();
        PortalClient client = new PortalClient(port, "zh-CN");
        client.submit("/portal/tickets/new", "new-ticket", validTicket(email));
        String key = client.get("/portal/tickets/created").html().getElementById("ticket-key").text();
        Jobs.runDue(engine, key);

        String html = TestMailServer.html(mailsTo(greenMail, email).get(0));
        Matcher link = Pattern.compile("href=\"http://opsdesk\\.test(/portal/tickets/" + key + "\\?token=([A-Za-z0-9_-]{43}))\"").matcher(html);
        assertThat(link.find()).as("portal link in the mail:\n" + html).isTrue();
        assertThat(html).contains("<code>" + link.group(2) + "</code>");

        PortalClient fromMail = new PortalClient(port, "zh-CN");
        assertThat(fromMail.open(link.group(1)).html().getElementById("status").text()).isEqualTo("分析中");
        String page = "/portal/tickets/" + key;
        PortalClient.Page empty = fromMail.submit(page, "reply-form", Map.of("message", "  "));
        assertThat(empty.location()).isEqualTo(page);
        assertThat(fromMail.get(page).html().getElementById("reply-error").text()).isEqualTo("请填写补充内容。");

        PortalClient.Page sent = fromMail.submit(page, "reply-form", Map.of("message", "每月 1 日导出 <script>alert(1)</script>"));
        assertThat(sent.status()).isEqualTo(302);
        Document after = fromMail.get(page).html();
        assertThat(after.getElementById("notice").text()).isEqualTo("谢谢，您的补充信息已加入工单。");
        assertThat(after.getElementById("timeline").text()).contains("您补充了信息", "每月 1 日导出 <script>alert(1)</script>");
        assertThat(after.select("script")).isEmpty();
        assertThat(fromMail.get(page).html().getElementById("notice")).as("a flash notice shows once").isNull();
    }

    static Map<String, String> validTicket(String email) {
        Map<String, String> fields = new HashMap<>(Map.of(
                "type", "FAULT", "title", "Invoice <b>export</b> fails", "description", "Since Monday the export stops.",
                "system", "billing", "impact", "MEDIUM", "urgency", "MEDIUM", "name", "Li Wei", "email", email,
                "organization", "ACME", "locale", "en"));
        return fields;
    }

    static String customerEmail() {
        return "portal-" + UUID.randomUUID() + "@example.com";
    }
}
