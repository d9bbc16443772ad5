package io.opsdesk.release;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.exception.NotValidException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.opsdesk.release.ReleaseDeliveryProcess.Variables;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.web.ApiException;

/**
 * Releases over HTTP for staff: request one with the tickets it delivers (it runs the release-delivery process:
 * approval, maintenance window, deployment, verification), list them, read one with its notes, and see which
 * tickets wait for a release.
 */
@RestController
@RequestMapping("/api/releases")
class ReleaseController {

    /** {@code POST /api/releases}. */
    record ReleaseRequest(String version, String summary, List<String> tickets) {
    }

    /** A ticket whose verified fix waits for a release. */
    record WaitingTicket(String key, String title, String type, String priority, String system, String status, String link) {

        static WaitingTicket of(Ticket ticket) {
            return new WaitingTicket(ticket.key(), ticket.title(), ticket.type().name(), ticket.priority(), ticket.system(),
                    ticket.status().name(), "/api/tickets/" + ticket.key());
        }
    }

    /** A release in a list. */
    record ReleaseSummary(String key, String version, ReleaseStatus status, String requestedBy, Instant requestedAt,
                          Instant windowStart, List<String> tickets, String link) {

        static ReleaseSummary of(Release release) {
            return new ReleaseSummary(release.key(), release.version(), release.status(), release.requestedBy(),
                    release.requestedAt(), release.windowStart(), release.ticketKeys(), "/api/releases/" + release.key());
        }
    }

    private final ReleaseService releases;
    private final RuntimeService runtime;

    ReleaseController(ReleaseService releases, RuntimeService runtime) {
        this.releases = releases;
        this.runtime = runtime;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Release> request(@RequestBody(required = false) ReleaseRequest request, Authentication user) {
        ReleaseRequest given = request == null ? new ReleaseRequest(null, null, null) : request;
        NewRelease checked;
        try {
            checked = releases.check(given.version(), given.summary(), given.tickets());
        } catch (InvalidReleaseException e) {
            throw ApiException.invalid(e.field(), e.getMessage());
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(Variables.VERSION, checked.version());
        variables.put(Variables.SUMMARY, checked.summary());
        variables.put(Variables.TICKET_KEYS, new ArrayList<>(checked.ticketKeys()));
        variables.put(Variables.INITIATOR, user.getName());
        String key;
        try {
            key = (String) runtime.createProcessInstanceByKey(ReleaseDeliveryProcess.KEY).setVariables(variables)
                    .executeWithVariablesInReturn().getVariables().get(Variables.RELEASE_KEY);
        } catch (NotValidException e) {
            // another release took a ticket between the check and the start
            throw ApiException.conflict(e.getMessage());
        }
        Release release = releases.find(key).orElseThrow();
        return ResponseEntity.created(URI.create("/api/releases/" + key)).body(release);
    }

    @GetMapping
    List<ReleaseSummary> list() {
        return releases.latest(100).stream().map(ReleaseSummary::of).toList();
    }

    @GetMapping("/waiting-tickets")
    List<WaitingTicket> waitingTickets() {
        return releases.waitingTickets().stream().map(WaitingTicket::of).toList();
    }

    @GetMapping(path = "/{key}", produces = MediaType.APPLICATION_JSON_VALUE)
    Release release(@PathVariable String key) {
        return find(key);
    }

    @GetMapping(path = "/{key}/notes", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> notes(@PathVariable String key) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/plain;charset=UTF-8")).body(find(key).releaseNotes());
    }

    private Release find(String key) {
        return releases.find(key).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, null, "there is no release '" + key
                + "'; release keys look like REL-12"));
    }
}
