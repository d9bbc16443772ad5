package io.opsdesk.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;
import io.opsdesk.sla.BusinessCalendar;
import io.opsdesk.sla.BusinessCalendars;

/**
 * A manager shortens the P2 resolution target in {@code sla-policy.dmn} and deploys it from Camunda
 * Modeler: new tickets get the new target, running tickets keep the due dates they were given. Runs in a
 * JVM of its own (surefire execution "modeler"), so the new table never reaches other test classes.
 */
@OpsDeskTest
class ManagerChangesSlaPolicyTest {

    static final String STANDARD_P2_RESOLUTION = "<outputEntry id=\"Rule_StandardP2_Resolution\"><text>\"PT15H\"</text></outputEntry>";

    @LocalServerPort
    int port;
    final BusinessCalendars calendars;

    Http http;
    Modeler mike;
    TicketFixture tickets;

    ManagerChangesSlaPolicyTest(BusinessCalendars calendars) {
        this.calendars = calendars;
    }

    @BeforeEach
    void setUp() {
        http = new Http(port);
        mike = new Modeler(http, "mike");
        tickets = new TicketFixture(http);
    }

    @AfterEach
    void restoreTable() {
        mike.deploy("sla-policy (restored)", "sla-policy.dmn", Modeler.model("sla-policy.dmn"));
    }

    @Test
    void newTicketsGetTheShorterTargetAndRunningTicketsKeepTheirs() {
        BusinessCalendar china = calendars.get("china-business");
        TicketFixture.Opened running = tickets.open("Running before the change");
        JsonNode before = tickets.read(running.key());
        assertThat(before.get("priority").asText()).isEqualTo("P2");
        Instant runningDue = Instant.parse(before.at("/sla/resolutionDue").asText());
        assertThat(runningDue).isEqualTo(china.add(Instant.parse(before.get("createdAt").asText()), Duration.ofHours(15)));

        String table = Modeler.model("sla-policy.dmn");
        assertThat(table).contains(STANDARD_P2_RESOLUTION);
        mike.deploy("sla-policy", "sla-policy.dmn", table.replace(STANDARD_P2_RESOLUTION,
                STANDARD_P2_RESOLUTION.replace("PT15H", "PT7H30M")));

        TicketFixture.Opened fresh = tickets.open("Opened after the change");
        JsonNode after = tickets.read(fresh.key());
        assertThat(after.get("priority").asText()).isEqualTo("P2");
        Instant created = Instant.parse(after.get("createdAt").asText());
        assertThat(Instant.parse(after.at("/sla/resolutionDue").asText()))
                .isEqualTo(china.add(created, Duration.ofMinutes(450)))
                .isBefore(china.add(created, Duration.ofHours(15)));
        assertThat(Instant.parse(tickets.read(running.key()).at("/sla/resolutionDue").asText())).isEqualTo(runningDue);
    }
}
