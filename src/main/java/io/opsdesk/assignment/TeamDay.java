package io.opsdesk.assignment;

import java.time.LocalDate;

import org.springframework.stereotype.Component;

import io.opsdesk.engine.EngineTime;
import io.opsdesk.engine.TeamTime;

/** Today in the team's zone ({@code opsdesk.ticket.zone}), on the engine's clock: the day an away mark is read against. */
@Component
class TeamDay {

    private final TeamTime time;

    TeamDay(TeamTime time) {
        this.time = time;
    }

    LocalDate today() {
        return LocalDate.ofInstant(EngineTime.now(), time.zone());
    }
}
