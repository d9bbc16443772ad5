package io.opsdesk.report;

import static io.opsdesk.TestMailServer.mailsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;

import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.TestMailServer;
import io.opsdesk.identity.Groups;
import io.opsdesk.report.OperationsReportProcess.Elements;
import io.opsdesk.report.OperationsReportProcess.Variables;
import io.opsdesk.testing.Needs;
import io.opsdesk.testing.Prerequisite;
import jakarta.mail.internet.MimeMessage;

/**
 * The people's and groups' figures reach managers and supervisors only: page, JSON and CSV for every role that may
 * read a report, and the mail to the managers; {@code camunda-admin} reads the report without them, support and
 * development not at all.
 */
@OpsDeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleVisibilityTest {

    static final Map<String, String> PEOPLE_WEEK = Map.of("period", "CUSTOM",
            "firstDay", PeopleFixture.MONDAY.toString(), "lastDay", PeopleFixture.SUNDAY.toString());
    static final List<String> SEE_PEOPLE = List.of("mike", "carol");

    @LocalServerPort
    int port;
    final ProcessEngine engine;
    final GreenMail greenMail;
    final JdbcClient jdbc;
    final TaskService tasks;

    Http http;
    long id;

    PeopleVisibilityTest(ProcessEngine engine, GreenMail greenMail, JdbcClient jdbc, TaskService tasks) {
        this.engine = engine;
        this.greenMail = greenMail;
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    /** One report of the people's week, read by every test; its mail job runs only in the mail test. */
    @BeforeAll
    void requestReport() {
        BpmnAwareTests.init(engine);
        http = new Http(port);
        new PeopleFixture(jdbc, tasks).load();
        Http.Response created = http.postJson("/api/reports", PEOPLE_WEEK, "Authorization", auth("mike"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        id = created.json().get("id").asLong();
    }

    /** No mail job is left behind for the job executor of a later test. */
    @AfterAll
    void endReportProcess() {
        ProcessInstance process = reportProcess();
        if (process != null) {
            runtimeService().deleteProcessInstance(process.getId(), "test done");
        }
    }

    private ProcessInstance reportProcess() {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(OperationsReportProcess.KEY)
                .variableValueEquals(Variables.REPORT_ID, id).singleResult();
    }

    @Test
    void managersAndSupervisorsSeeThePeopleInJsonCsvAndPage() {
        for (String who : SEE_PEOPLE) {
            JsonNode people = http.get("/api/reports/" + id, "Authorization", auth(who)).json().get("people");
            assertThat(people).as(who).isNotNull();
            assertThat(people.get("persons").get(0).get("name").asText()).isEqualTo("pfli");
            assertThat(people.get("persons").get(0).get("p90HandlingSeconds").asLong()).isEqualTo(7_200L);
            assertThat(people.get("groups").get(0).get("slaPercent").asDouble()).isEqualTo(50.0);
            assertThat(http.get("/api/reports/" + id + "/csv", "Authorization", auth(who)).body()).as(who)
                    .contains("person,pfli,tasks_completed,4\r\n", "person,pfwang,p90_handling_seconds,18030\r\n",
                            "group,development,failed_verifications,2\r\n", "group,support,average_rating,3.5\r\n");
            assertThat(http.get("/reports/" + id, "Authorization", auth(who), "Accept-Language", "en").body()).as(who)
                    .contains("id=\"people\"", "People and groups", "<th scope=\"row\">pfwang</th>", "5 h 0 min");
        }
        assertThat(http.get("/reports/" + id, "Authorization", auth("mike"), "Accept-Language", "zh-CN").body())
                .contains("人员与小组", "其修复验证失败次数");
    }

    @Test
    void anAdministratorReadsTheReportWithoutThePeople() {
        Http.Response json = http.get("/api/reports/" + id, "Authorization", auth("admin"));
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.json().has("people")).isFalse();
        assertThat(json.json().get("volumes").get("closed").asLong()).isEqualTo(5);
        String csv = http.get("/api/reports/" + id + "/csv", "Authorization", auth("admin")).body();
        assertThat(csv).contains("volume,all,closed,5").doesNotContain("person,").doesNotContain("group,").doesNotContain("pfli");
        String page = http.get("/reports/" + id, "Authorization", auth("admin")).body();
        assertThat(page).contains("Operations report " + id).doesNotContain("id=\"people\"").doesNotContain("pfli");
    }

    @Test
    void supportAndDevelopmentReadNoReportAtAll() {
        for (String who : List.of("alice", "bob")) {
            for (String path : List.of("/api/reports/" + id, "/api/reports/" + id + "/csv", "/reports/" + id)) {
                assertThat(http.get(path, "Authorization", auth(who)).status()).as(who + " " + path).isEqualTo(403);
            }
        }
    }

    @Test
    @Needs(Prerequisite.CHINESE_FONT)
    void theMailToTheManagersHasThePeople() throws Exception {
        execute(job(Elements.MAIL, reportProcess()));
        MimeMessage mail = mailsTo(greenMail, "mike@opsdesk.example").stream()
                .filter(m -> TestMailServer.subject(m).startsWith("OpsDesk operations report " + id + ":")).findFirst().orElseThrow();
        assertThat(TestMailServer.html(mail)).contains("id=\"people\"", "People and groups", "pfwang");
    }

    @Test
    void aMailToAnyOtherGroupHasNoPeople() {
        StoredReport stored = new StoredReport(1, "test", null, null,
                new OperationsReport(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, new PeopleReport(List.of(), List.of())));
        assertThat(PeopleVisibility.shownToGroup(stored, Groups.MANAGERS).report().people()).isNotNull();
        assertThat(PeopleVisibility.shownToGroup(stored, Groups.SUPERVISORS).report().people()).isNotNull();
        for (String group : List.of(Groups.SUPPORT, Groups.DEVELOPMENT, Groups.ADMIN)) {
            assertThat(PeopleVisibility.shownToGroup(stored, group).report().people()).as(group).isNull();
        }
    }

    private static String auth(String user) {
        return Http.basic(user, user);
    }

}
