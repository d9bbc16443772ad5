package io.opsdesk.report;

import static io.opsdesk.TestMailServer.mailsTo;
import static io.opsdesk.Http.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;

import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.TestMailServer;
import io.opsdesk.engine.EngineTime;
import io.opsdesk.report.OperationsReportProcess.Elements;
import io.opsdesk.report.OperationsReportProcess.Variables;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import io.opsdesk.testing.Needs;
import io.opsdesk.testing.Prerequisite;

/**
 * The operations report as managers get it: asked for through the API or Tasklist, or by the weekly and monthly
 * timers; stored, shown as a page with charts drawn on the server, exported as JSON and CSV, mailed with the
 * charts inline; a mail server that fails leaves an incident and the stored report.
 */
@OpsDeskTest
class OperationsReportTest {

    static final String MIKE = Http.basic("mike", "mike");
    static final Map<String, String> FIXTURE_WEEK = Map.of("period", "CUSTOM", "firstDay", "2024-06-03", "lastDay", "2024-06-09");

    @LocalServerPort
    int port;
    final ProcessEngine engine;
    final GreenMail greenMail;
    final JdbcClient jdbc;

    Http http;

    OperationsReportTest(ProcessEngine engine, GreenMail greenMail, JdbcClient jdbc) {
        this.engine = engine;
        this.greenMail = greenMail;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        http = new Http(port);
        new ReportFixture(jdbc).loadWeek();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    @Needs(Prerequisite.CHINESE_FONT)
    void reportAskedForThroughTheApiIsStoredAndMailedToManagersWithTheChartsInline() throws Exception {
        Http.Response created = http.postJson("/api/reports", FIXTURE_WEEK, "Authorization", MIKE);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/reports/" + id);
        assertThat(created.json().get("kind").asText()).isEqualTo("CUSTOM");
        assertThat(created.json().get("triggeredBy").asText()).isEqualTo("manual:mike");

        ProcessInstance process = runtimeService().createProcessInstanceQuery().processDefinitionKey(OperationsReportProcess.KEY)
                .variableValueEquals(Variables.REPORT_ID, id).singleResult();
        assertThat(process).hasPassed(Elements.START, Elements.COMPILE).isWaitingAt(Elements.MAIL);
        execute(job(Elements.MAIL, process));
        assertThat(process).isEnded().hasPassed(Elements.PUBLISHED);

        MimeMessage mail = mailsTo(greenMail, "mike@opsdesk.example").stream()
                .filter(m -> TestMailServer.subject(m).startsWith("OpsDesk operations report " + id + ":")).findFirst().orElseThrow();
        assertThat(mail.getSubject()).isEqualTo("OpsDesk operations report " + id + ": 2024-06-03 – 2024-06-09");
        String html = TestMailServer.html(mail);
        for (ReportChart chart : ReportChart.values()) {
            assertThat(html).contains("src=\"cid:" + chart.fileName() + "\"");
        }
        assertThat(html).contains("IllegalStateException: Export failed").contains("http://opsdesk.test/reports/" + id);
        List<BodyPart> images = images(mail);
        assertThat(images).extracting(p -> p.getHeader("Content-ID")[0]).containsExactlyInAnyOrder(
                java.util.Arrays.stream(ReportChart.values()).map(c -> "<" + c.fileName() + ">").toArray(String[]::new));
        for (BodyPart image : images) {
            assertThat(image.getDisposition()).isEqualTo(Part.INLINE);
            assertChart(image.getInputStream().readAllBytes());
        }
        assertThat(jdbc.sql("select mailed_to from operations_report where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("mike@opsdesk.example");
    }

    @Test
    @Needs(Prerequisite.CHINESE_FONT)
    void reportIsAPageWithServerDrawnChartsAndExportsAsJsonAndCsv() throws Exception {
        long id = http.postJson("/api/reports", FIXTURE_WEEK, "Authorization", MIKE).json().get("id").asLong();

        Http.Response page = http.get("/reports/" + id, "Authorization", MIKE);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("Operations report " + id).contains("2024-06-03").contains("2024-06-09")
                .contains("IllegalStateException: Export failed").contains("OPS-900001 (CLOSED)")
                .contains("fixture-http").contains("OPS-900005");
        for (ReportChart chart : ReportChart.values()) {
            String src = "/reports/" + id + "/charts/" + chart.fileName() + ".png";
            assertThat(page.body()).contains("src=\"" + src + "\"");
            Http.Response png = http.getBytes(src, "Authorization", MIKE);
            assertThat(png.status()).as(chart.name()).isEqualTo(200);
            assertThat(png.header("Content-Type")).isEqualTo("image/png");
        }
        assertChart(http.getBytes("/reports/" + id + "/charts/hot-spots.png", "Authorization", MIKE).bytes());
        assertThat(http.get("/reports/" + id + "/charts/pie.png", "Authorization", MIKE).status()).isEqualTo(404);

        JsonNode json = http.get("/api/reports/" + id, "Authorization", MIKE).json();
        assertThat(json.at("/volumes/opened").asLong()).isEqualTo(5);
        assertThat(json.at("/firstResponse/medianSeconds").asLong()).isEqualTo(1800);
        assertThat(json.at("/slaCompliance/0/firstResponsePercent").asDouble()).isEqualTo(0.0);
        assertThat(json.at("/quality/reopenPercent").asDouble()).isEqualTo(25.0);
        assertThat(json.at("/hotSpots/0/ticketKey").asText()).isEqualTo("OPS-900001");

        Http.Response csv = http.get("/api/reports/" + id + "/csv", "Authorization", MIKE);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"operations-report-" + id + ".csv\"");
        assertThat(csv.body().split("\r\n")).startsWith("section,item,measure,value")
                .contains("volume,all,opened,5", "volume_by_type,FAULT,opened,2", "first_response,all,median_seconds,1800",
                        "sla,P1,first_response_percent,0.0", "sla,P3,resolution_percent,",
                        "quality,verifications,failed_percent,60.0", "satisfaction,all,average,4.0",
                        "hot_spot,fixture-log: IllegalStateException: Export failed,occurrences,5",
                        "health,fixture-http,availability_percent,50.0", "overdue,OPS-900005,seconds_overdue,3218400",
                        "releases,all,delivered,1", "releases,all,tickets_delivered,2");

        assertThat(http.get("/api/reports", "Authorization", MIKE).json().findValuesAsText("page")).contains("/reports/" + id);
    }

    @Test
    void reportStartedFromTasklistForTheLastSevenDays() {
        Instant askedAt = EngineTime.now();
        Http.Response started = http.postJson("/engine-rest/process-definition/key/" + OperationsReportProcess.KEY + "/start",
                Map.of("variables", Map.of(Variables.PERIOD, Map.of("value", "LAST_7_DAYS"))), "Authorization", MIKE);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        ProcessInstance process = runtimeService().createProcessInstanceQuery()
                .processInstanceId(started.json().get("id").asText()).singleResult();
        assertThat(process).isWaitingAt(Elements.MAIL).variables().containsEntry(Variables.INITIATOR, "mike");
        long id = ((Number) runtimeService().getVariable(process.getId(), Variables.REPORT_ID)).longValue();
        JsonNode report = http.get("/api/reports/" + id, "Authorization", MIKE).json();
        assertThat(report.at("/period/kind").asText()).isEqualTo("LAST_7_DAYS");
        // the last seven days up to the moment the report was asked for
        assertThat(Instant.parse(report.at("/period/to").asText())).isBetween(askedAt,
                Instant.parse(report.at("/period/compiledAt").asText()));
        assertThat(Instant.parse(report.at("/period/from").asText()))
                .isEqualTo(Instant.parse(report.at("/period/to").asText()).minusSeconds(7 * 86_400));

        Http.Response form = http.get("/engine-rest/process-definition/key/" + OperationsReportProcess.KEY + "/deployed-start-form",
                "Authorization", MIKE);
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.body()).contains("\"reportPeriod\"").contains("PREVIOUS_MONTH");
        runtimeService().deleteProcessInstance(process.getId(), "test done");
    }

    @Test
    @Needs(Prerequisite.CHINESE_FONT)
    void weeklyTimerReportsThePreviousWeekMondayToMonday() {
        Job timer = scheduleTimer(OperationsReportProcess.WEEKLY_KEY, Elements.WEEKLY_START);
        assertThat(((TimerEntity) timer).getRepeat()).isEqualTo("0 0 8 ? * MON");
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse("2026-07-13T08:00:00+08:00[Asia/Shanghai]").toInstant()));

        JsonNode report = reportOfTimer(timer);
        assertThat(report.at("/period/kind").asText()).isEqualTo("PREVIOUS_WEEK");
        assertThat(report.at("/period/from").asText()).isEqualTo("2026-07-05T16:00:00Z");
        assertThat(report.at("/period/to").asText()).isEqualTo("2026-07-12T16:00:00Z");
    }

    @Test
    @Needs(Prerequisite.CHINESE_FONT)
    void monthlyTimerReportsThePreviousCalendarMonth() {
        Job timer = scheduleTimer(OperationsReportProcess.MONTHLY_KEY, Elements.MONTHLY_START);
        assertThat(((TimerEntity) timer).getRepeat()).isEqualTo("0 0 8 1 * ?");
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse("2026-03-01T08:00:00+08:00[Asia/Shanghai]").toInstant()));

        JsonNode report = reportOfTimer(timer);
        assertThat(report.at("/period/kind").asText()).isEqualTo("PREVIOUS_MONTH");
        assertThat(report.at("/period/from").asText()).isEqualTo("2026-01-31T16:00:00Z");
        assertThat(report.at("/period/to").asText()).isEqualTo("2026-02-28T16:00:00Z");
    }

    @Test
    @Needs(Prerequisite.CHINESE_FONT)
    void mailServerThatFailsIsRetriedThenAnIncidentAndTheReportStays() {
        long id = http.postJson("/api/reports", FIXTURE_WEEK, "Authorization", MIKE).json().get("id").asLong();
        ProcessInstance process = runtimeService().createProcessInstanceQuery().processDefinitionKey(OperationsReportProcess.KEY)
                .variableValueEquals(Variables.REPORT_ID, id).singleResult();
        String mailJob = job(Elements.MAIL, process).getId();

        greenMail.stop();
        try {
            for (int retriesLeft = 5; retriesLeft >= 0; retriesLeft--) {
                assertThatThrownBy(() -> managementService().executeJob(mailJob))
                        .hasStackTraceContaining(String.valueOf(TestMailServer.SMTP_PORT));
                assertThat(jobQuery().jobId(mailJob).singleResult()).hasRetries(retriesLeft);
            }
        } finally {
            greenMail.start();
        }
        Incident incident = runtimeService().createIncidentQuery().processInstanceId(process.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(Elements.MAIL);
        assertThat(http.get("/api/reports/" + id, "Authorization", MIKE).status()).isEqualTo(200);
        assertThat(jdbc.sql("select mailed_at from operations_report where id = :id").param("id", id).query(Instant.class)
                .optional()).isEmpty();

        managementService().setJobRetries(mailJob, 1);
        execute(job(Elements.MAIL, process));
        assertThat(process).isEnded();
    }

    @Test
    void badPeriodsAreRefusedNamingTheFieldAndNothingIsStored() {
        long before = reports();
        assertProblem(http.postJson("/api/reports", Map.of("period", "FORTNIGHT"), "Authorization", MIKE), 400, "period",
                "'FORTNIGHT' is not a period");
        assertProblem(http.postJson("/api/reports", Map.of("period", "CUSTOM", "firstDay", "2024-06-03"), "Authorization", MIKE),
                400, "lastDay", "needs its first and its last day");
        assertProblem(http.postJson("/api/reports", Map.of("period", "CUSTOM", "firstDay", "2024-06-03", "lastDay", "2024-06-01"),
                "Authorization", MIKE), 400, "lastDay", "is before the first day");
        assertProblem(http.postJson("/api/reports", Map.of("period", "CUSTOM", "firstDay", "3 June", "lastDay", "2024-06-09"),
                "Authorization", MIKE), 400, "firstDay", "is not a day like 2026-11-16");
        assertProblem(http.postJson("/api/reports", Map.of("period", "CUSTOM", "firstDay", "2023-01-01", "lastDay", "2024-06-09"),
                "Authorization", MIKE), 400, "lastDay", "at most 366 days");
        assertProblem(http.postJson("/api/reports", Map.of("period", "LAST_7_DAYS", "firstDay", "2024-06-03"),
                "Authorization", MIKE), 400, "firstDay", "only with the period CUSTOM");
        assertProblem(http.postJson("/api/reports", Map.of("weeks", 2), "Authorization", MIKE), 400, "weeks", "unknown field");
        assertThat(http.get("/api/reports/987654", "Authorization", MIKE).status()).isEqualTo(404);
        assertThat(reports()).isEqualTo(before);

        Http.Response fromTasklist = http.postJson("/engine-rest/process-definition/key/" + OperationsReportProcess.KEY + "/start",
                Map.of("variables", Map.of(Variables.PERIOD, Map.of("value", "CUSTOM"),
                        Variables.FIRST_DAY, Map.of("value", "2024-06-09"), Variables.LAST_DAY, Map.of("value", "2024-06-03"))),
                "Authorization", MIKE);
        assertThat(fromTasklist.status()).isEqualTo(400);
        assertThat(fromTasklist.json().get("message").asText()).contains("periodLastDay: the last day 2024-06-03 is before");
        assertThat(reports()).isEqualTo(before);
    }

    @Test
    @Needs(Prerequisite.CHINESE_FONT)
    void onlyManagersSupervisorsAndAdministratorsReadReports() {
        long id = http.postJson("/api/reports", FIXTURE_WEEK, "Authorization", MIKE).json().get("id").asLong();
        for (String path : List.of("/api/reports", "/api/reports/" + id, "/api/reports/" + id + "/csv", "/reports/" + id,
                "/reports/" + id + "/charts/hot-spots.png")) {
            assertThat(http.get(path).status()).as(path).isEqualTo(401);
            assertThat(http.get(path, "Authorization", Http.basic("alice", "alice")).status()).as(path).isEqualTo(403);
            assertThat(http.get(path, "Authorization", Http.basic("bob", "bob")).status()).as(path).isEqualTo(403);
            assertThat(http.getBytes(path, "Authorization", Http.basic("carol", "carol")).status()).as(path).isEqualTo(200);
        }
        assertThat(http.postJson("/api/reports", FIXTURE_WEEK, "Authorization", Http.basic("alice", "alice")).status()).isEqualTo(403);
    }

    private JsonNode reportOfTimer(Job timer) {
        long before = reports();
        managementService().executeJob(timer.getId());
        assertThat(reports()).isEqualTo(before + 1);
        long id = jdbc.sql("select max(id) from operations_report").query(Long.class).single();
        assertThat(jdbc.sql("select triggered_by from operations_report where id = :id").param("id", id).query(String.class)
                .single()).startsWith("schedule:");
        ProcessInstance called = runtimeService().createProcessInstanceQuery().processDefinitionKey(OperationsReportProcess.KEY)
                .variableValueEquals(Variables.REPORT_ID, id).singleResult();
        assertThat(called).isWaitingAt(Elements.MAIL);
        execute(job(Elements.MAIL, called));
        assertThat(called).isEnded();
        return http.get("/api/reports/" + id, "Authorization", MIKE).json();
    }

    private static Job scheduleTimer(String processKey, String startEvent) {
        return jobQuery().processDefinitionKey(processKey).timers().activityId(startEvent).singleResult();
    }

    private long reports() {
        return jdbc.sql("select count(*) from operations_report").query(Long.class).single();
    }

    private static void assertChart(byte[] png) throws java.io.IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(ReportCharts.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ReportCharts.HEIGHT);
        // a drawn chart, not a blank image: more than a handful of colours
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 4) {
            for (int y = 0; y < image.getHeight(); y += 4) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours.size()).isGreaterThan(5);
    }

    private static List<BodyPart> images(Part part) throws Exception {
        List<BodyPart> images = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                if (child.isMimeType("image/png")) {
                    images.add(child);
                } else {
                    images.addAll(images(child));
                }
            }
        }
        return images;
    }
}
