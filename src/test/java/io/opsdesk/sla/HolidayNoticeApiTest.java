package io.opsdesk.sla;

import static io.opsdesk.Http.assertProblem;
import static io.opsdesk.Http.basic;
import static io.opsdesk.sla.TestCalendars.shanghai;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;

/**
 * A manager loads 2027's notice without a restart: it is stored, replaces the provisional days, and the
 * calendar counts with it at once; bad notices are refused with a problem detail and change nothing.
 */
@OpsDeskTest
class HolidayNoticeApiTest {

    private static final String PATH = "/api/calendars/china-business/holidays/2027";
    private static final String NOTICE = """
            date,kind,name
            2027-01-01,HOLIDAY,元旦
            2027-02-05,HOLIDAY,春节
            2027-02-06,HOLIDAY,春节
            2027-02-07,HOLIDAY,春节
            2027-02-08,HOLIDAY,春节
            2027-02-09,HOLIDAY,春节
            2027-02-20,WORKDAY,春节调休上班
            """;

    @LocalServerPort
    int port;
    final BusinessCalendars calendars;
    final HolidayNoticeService service;
    final JdbcClient jdbc;
    final HealthEndpointGroups healthGroups;

    Http http;

    HolidayNoticeApiTest(BusinessCalendars calendars, HolidayNoticeService service, JdbcClient jdbc,
            HealthEndpointGroups healthGroups) {
        this.calendars = calendars;
        this.service = service;
        this.jdbc = jdbc;
        this.healthGroups = healthGroups;
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @AfterEach
    void removeNotice() {
        jdbc.sql("delete from sla_holiday_notice_day").update();
        service.refresh();
    }

    @Test
    void aManagersNoticeReplacesTheProvisionalDaysAtOnce() {
        JsonNode before = http.get(PATH, "Authorization", basic("alice", "alice")).json();
        assertThat(before.get("days").findValuesAsText("source")).hasSize(13).containsOnly("PROVISIONAL");
        BusinessCalendar calendar = calendars.get("china-business");
        assertThat(calendar.isWorkingTime(shanghai("2027-10-01T10:00"))).as("National Day, provisional").isFalse();
        assertThat(calendar.isWorkingTime(shanghai("2027-02-20T10:00"))).as("a Saturday").isFalse();

        Http.Response put = http.send("PUT", PATH, NOTICE, "Authorization", basic("mike", "mike"), "Content-Type", "text/csv");

        assertThat(put.status()).as(put.body()).isEqualTo(200);
        JsonNode after = http.get(PATH, "Authorization", basic("alice", "alice")).json();
        assertThat(after.get("days").findValuesAsText("source")).hasSize(7).containsOnly("NOTICE");
        assertThat(after.get("days").findValuesAsText("date")).contains("2027-02-09", "2027-02-20");
        calendar = calendars.get("china-business");
        assertThat(calendar.isWorkingTime(shanghai("2027-02-20T10:00"))).as("make-up Saturday").isTrue();
        assertThat(calendar.isWorkingTime(shanghai("2027-02-09T10:00"))).as("bridging day").isFalse();
        assertThat(calendar.isWorkingTime(shanghai("2027-10-01T10:00"))).as("not in this notice").isTrue();
        assertThat(jdbc.sql("select count(*) from sla_holiday_notice_day").query(Integer.class).single()).isEqualTo(7);
    }

    @Test
    void badNoticesAreRefusedAndChangeNothing() {
        String manager = basic("mike", "mike");
        assertProblem(http.send("PUT", PATH, NOTICE + "2027-02-09,WORKDAY,x\n", "Authorization", manager,
                "Content-Type", "text/csv"), 400, "body", "2027-02-09 is listed both as a holiday and as a working day");
        assertProblem(http.send("PUT", PATH, "2027-01-01,HOLIDAY,元旦\n", "Authorization", manager,
                "Content-Type", "text/csv"), 400, "body", "Spring Festival");
        assertProblem(http.send("PUT", PATH, NOTICE + "2028-01-01,HOLIDAY,元旦\n", "Authorization", manager,
                "Content-Type", "text/csv"), 400, "body", "is not in 2027");
        assertProblem(http.send("PUT", PATH, NOTICE + "2027-02-30,HOLIDAY,x\n", "Authorization", manager,
                "Content-Type", "text/csv"), 400, "body", "line 9");
        assertProblem(http.send("PUT", PATH, NOTICE, "Authorization", manager, "Content-Type", "application/pdf"),
                400, "format", "unknown holiday notice format");
        assertProblem(http.send("PUT", "/api/calendars/nowhere/holidays/2027", NOTICE, "Authorization", manager,
                "Content-Type", "text/csv"), 404, "name", "nowhere");
        assertThat(jdbc.sql("select count(*) from sla_holiday_notice_day").query(Integer.class).single()).isZero();
        assertThat(calendars.get("china-business").isWorkingTime(shanghai("2027-10-01T10:00"))).isFalse();
    }

    @Test
    void aMissingNoticeIsAWarningInItsOwnHealthGroupOnly() {
        // the shipped file ends in 2026: from 1 November 2026 on, some year of china-business is provisional
        LocalDate today = LocalDate.now(TestCalendars.SHANGHAI);
        String expected = today.getYear() > 2026 || today.getMonthValue() >= 11 ? "WARNING" : "UP";
        Http.Response holidays = http.get("/actuator/health/holidays", "Authorization", basic("mike", "mike"));
        assertThat(holidays.status()).as(holidays.body()).isEqualTo(200);
        assertThat(holidays.json().get("status").asText()).isEqualTo(expected);
        if (expected.equals("WARNING")) {
            assertThat(holidays.body()).contains("china-business", "PUT /api/calendars/china-business/holidays/");
        }
        assertThat(healthGroups.getPrimary().isMember("holidayNotices")).as("in the root status").isFalse();
        assertThat(healthGroups.get("holidays").isMember("holidayNotices")).isTrue();
    }

    @Test
    void onlyManagersAndAdminsLoadNotices() {
        assertThat(http.send("PUT", PATH, NOTICE, "Authorization", basic("alice", "alice"), "Content-Type", "text/csv")
                .status()).isEqualTo(403);
        assertThat(http.send("PUT", PATH, NOTICE, "Content-Type", "text/csv").status()).isEqualTo(401);
        assertThat(http.send("PUT", PATH, NOTICE, "Authorization", basic("admin", "admin"), "Content-Type", "text/csv")
                .status()).isEqualTo(200);
    }
}
