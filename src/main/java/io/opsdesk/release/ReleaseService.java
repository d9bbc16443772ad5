package io.opsdesk.release;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.opsdesk.ticket.process.SupportTicketProcess;
import io.opsdesk.engine.EngineTime;
import io.opsdesk.ticket.Ticket;
import io.opsdesk.ticket.Tickets;
import io.opsdesk.ticket.Visibility;

/**
 * Releases: checks a request against the tickets that wait for one, registers it with its generated release notes,
 * records each decision and step, and tells the included tickets' timelines where their fix stands.
 */
@Service
public class ReleaseService {

    static final int MAX_TICKETS = 100;
    static final int TEXT_LIMIT = 4000;
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._+-]{0,49}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");
    private static final DateTimeFormatter WINDOW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final String ACTOR = "OpsDesk";

    private final ReleaseRepository releases;
    private final Tickets tickets;
    private final RuntimeService runtime;
    private final ReleaseProperties properties;

    ReleaseService(ReleaseRepository releases, Tickets tickets, RuntimeService runtime, ReleaseProperties properties) {
        this.releases = releases;
        this.tickets = tickets;
        this.runtime = runtime;
        this.properties = properties;
    }

    /** The form's text ("OPS-000001, OPS-000002") or the API's list as ticket keys, in the order given. */
    public static List<String> ticketKeys(Object given) {
        if (given == null) {
            return List.of();
        }
        if (given instanceof List<?> list) {
            return list.stream().map(key -> key == null ? "" : key.toString().strip()).toList();
        }
        String text = given.toString().strip();
        return text.isEmpty() ? List.of() : Arrays.asList(SEPARATORS.split(text));
    }

    /**
     * Checks a request: a version, at most {@value #TEXT_LIMIT} characters of summary, and 1 to {@value #MAX_TICKETS}
     * distinct tickets, each waiting for a release and in no other open release.
     */
    public NewRelease check(String version, String summary, List<String> ticketKeys) {
        if (version == null || version.isBlank()) {
            throw new InvalidReleaseException("version", "version is required, e.g. 2.4.1");
        }
        String trimmed = version.strip();
        if (!VERSION.matcher(trimmed).matches()) {
            throw new InvalidReleaseException("version", "version '" + abbreviate(trimmed)
                    + "' must be 1 to 50 letters, digits, '.', '_', '+' or '-', starting with a letter or digit");
        }
        String cleanSummary = summary == null || summary.isBlank() ? null : summary.strip();
        if (cleanSummary != null && cleanSummary.length() > TEXT_LIMIT) {
            throw new InvalidReleaseException("summary", "summary must be at most " + TEXT_LIMIT + " characters, got "
                    + cleanSummary.length());
        }
        if (ticketKeys == null || ticketKeys.isEmpty()) {
            throw new InvalidReleaseException("tickets", "name at least one ticket the release delivers; "
                    + "GET /api/releases/waiting-tickets lists those whose verified fix waits for a release");
        }
        if (ticketKeys.size() > MAX_TICKETS) {
            throw new InvalidReleaseException("tickets", "at most " + MAX_TICKETS + " tickets per release, got " + ticketKeys.size());
        }
        Set<String> waiting = waitingForRelease();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ticketKeys.size(); i++) {
            String field = "tickets[" + i + "]";
            String key = ticketKeys.get(i);
            if (key == null || key.isBlank()) {
                throw new InvalidReleaseException(field, "a ticket key is required, e.g. OPS-000123");
            }
            if (!seen.add(key)) {
                throw new InvalidReleaseException(field, key + " is named twice");
            }
            Ticket ticket = tickets.find(key).orElseThrow(() ->
                    new InvalidReleaseException(field, "there is no ticket '" + abbreviate(key) + "'"));
            Optional<ReleaseRepository.Holding> holding = releases.openReleaseOf(key);
            if (holding.isPresent()) {
                throw new InvalidReleaseException(field, key + " is already in release " + holding.get().releaseKey()
                        + " (" + holding.get().version() + ", " + holding.get().status() + ")");
            }
            if (!waiting.contains(key)) {
                throw new InvalidReleaseException(field, key + " does not wait for a release (status " + ticket.status()
                        + "): only a ticket whose fix passed verification with 'ships with a release' can be included");
            }
        }
        return new NewRelease(trimmed, cleanSummary, List.copyOf(ticketKeys));
    }

    /** Tickets whose verified fix waits for a release and that no open release includes yet, oldest first. */
    public List<Ticket> waitingTickets() {
        return waitingForRelease().stream().sorted()
                .filter(key -> releases.openReleaseOf(key).isEmpty())
                .flatMap(key -> tickets.find(key).stream())
                .toList();
    }

    private Set<String> waitingForRelease() {
        Set<String> keys = new HashSet<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionKey(SupportTicketProcess.KEY)
                .activityIdIn(SupportTicketProcess.Elements.AWAIT_RELEASE).list()) {
            keys.add(instance.getBusinessKey());
        }
        return keys;
    }

    /**
     * Checks the request as {@link #check} does and stores it, its tickets' rows locked first, so that two releases
     * registered at the same moment cannot both take a ticket: the second waits, then sees the first.
     */
    @Transactional
    public Release register(String version, String summary, List<String> ticketKeys, String requestedBy,
                            String processInstanceId) {
        releases.lockTickets(ticketKeys.stream().filter(key -> key != null && !key.isBlank()).distinct().toList());
        NewRelease request = check(version, summary, ticketKeys);
        List<Ticket> included = request.ticketKeys().stream().map(key -> tickets.find(key).orElseThrow()).toList();
        long id = releases.insert(request.version(), request.summary(), requestedBy, EngineTime.now(),
                notes(request.version(), request.summary(), included), request.ticketKeys());
        releases.update(id, Map.of("process_instance_id", processInstanceId));
        for (Ticket ticket : included) {
            tickets.note(ticket.key(), requestedBy, "RELEASE", "Included in release " + request.version() + " ("
                    + Release.key(id) + "), awaiting a supervisor's approval", Visibility.INTERNAL);
        }
        return find(id).orElseThrow();
    }

    /** Release notes: the version, the summary, and per ticket what was wrong and what was done. */
    static String notes(String version, String summary, List<Ticket> included) {
        StringBuilder notes = new StringBuilder("Release ").append(version).append('\n');
        if (summary != null) {
            notes.append('\n').append(summary).append('\n');
        }
        notes.append('\n').append("Delivers ").append(included.size()).append(included.size() == 1 ? " ticket:" : " tickets:").append('\n');
        for (Ticket ticket : included) {
            notes.append("- ").append(ticket.key()).append(" [").append(ticket.type())
                    .append(ticket.priority() == null ? "" : ", " + ticket.priority())
                    .append(", ").append(ticket.system()).append("] ").append(ticket.title()).append('\n');
            if (ticket.resolution() != null) {
                notes.append("  ").append(ticket.resolution().strip().replace("\n", "\n  ")).append('\n');
            }
        }
        return notes.toString();
    }

    public Optional<Release> find(long id) {
        return releases.find(id);
    }

    public Optional<Release> find(String key) {
        return Release.idOf(key).flatMap(releases::find);
    }

    public List<Release> latest(int limit) {
        return releases.list(limit);
    }

    void decided(long id, String by, boolean approved, String comment) {
        Release release = find(id).orElseThrow();
        Map<String, Object> columns = new HashMap<>(Map.of("status", approved ? ReleaseStatus.SCHEDULED : ReleaseStatus.REJECTED,
                "decided_by", by, "decided_at", EngineTime.now(), "decision_comment", comment == null ? "" : comment));
        if (!approved) {
            columns.put("finished_at", EngineTime.now());
        }
        releases.update(id, columns);
        if (!approved) {
            for (String key : release.ticketKeys()) {
                tickets.note(key, by, "RELEASE", "Release " + release.version() + " (" + release.key()
                        + ") was not approved: " + comment + ". The fix waits for another release", Visibility.INTERNAL);
            }
        }
    }

    void planned(long id, MaintenanceWindow.Opening window) {
        Release release = find(id).orElseThrow();
        releases.update(id, Map.of("window_start", window.start(), "window_end", window.end()));
        for (String key : release.ticketKeys()) {
            tickets.note(key, ACTOR, "RELEASE", "The fix goes live with release " + release.version()
                    + " in the maintenance window " + windowText(window.start(), window.end()), Visibility.PUBLIC);
        }
    }

    void enter(long id, ReleaseStatus status) {
        releases.update(id, Map.of("status", status));
    }

    void deployed(long id, String by, String notes) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("deployed_by", by);
        columns.put("deployed_at", EngineTime.now());
        columns.put("deployment_notes", notes);
        releases.update(id, columns);
    }

    void verified(long id, String by, boolean passed, String notes) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("verified_by", by);
        columns.put("verified_at", EngineTime.now());
        columns.put("verification_notes", notes);
        releases.update(id, columns);
        Release release = find(id).orElseThrow();
        if (!passed) {
            for (String key : release.ticketKeys()) {
                tickets.note(key, by, "RELEASE", "Release " + release.version() + " failed verification in production: "
                        + notes, Visibility.INTERNAL);
            }
        }
    }

    void rolledBack(long id, String by, String notes) {
        releases.update(id, Map.of("rolled_back_by", by, "rolled_back_at", EngineTime.now(), "rollback_notes", notes));
    }

    /** Ends the release as {@code DELIVERED} or {@code ROLLED_BACK}. */
    void finish(long id, ReleaseStatus status) {
        Release release = find(id).orElseThrow();
        releases.update(id, Map.of("status", status, "finished_at", EngineTime.now()));
        if (status == ReleaseStatus.ROLLED_BACK) {
            for (String key : release.ticketKeys()) {
                tickets.note(key, ACTOR, "RELEASE", "Release " + release.version()
                        + " was rolled back; the fix goes live with a later release", Visibility.PUBLIC);
            }
        }
    }

    /**
     * Lets a ticket of the release move on to delivery: correlates {@code ReleaseDeployed} with the ticket's process.
     * A ticket that no longer waits for a release (closed meanwhile) is noted on the release, not failed.
     */
    void deliver(long id, String ticketKey) {
        Release release = find(id).orElseThrow();
        boolean waits = runtime.createProcessInstanceQuery().processDefinitionKey(SupportTicketProcess.KEY)
                .processInstanceBusinessKey(ticketKey).activityIdIn(SupportTicketProcess.Elements.AWAIT_RELEASE).count() > 0;
        if (!waits) {
            String note = "not delivered by this release: the ticket no longer waited for a release";
            releases.ticketDelivered(id, ticketKey, EngineTime.now(), note);
            tickets.note(ticketKey, ACTOR, "RELEASE", "Release " + release.version() + " is live, but the ticket "
                    + "no longer waited for it", Visibility.INTERNAL);
            return;
        }
        tickets.note(ticketKey, ACTOR, "RELEASE", "Release " + release.version() + " is live in production",
                Visibility.PUBLIC);
        runtime.createMessageCorrelation(SupportTicketProcess.Messages.RELEASE_DEPLOYED)
                .processInstanceBusinessKey(ticketKey)
                .setVariable(SupportTicketProcess.Variables.RELEASE_VERSION, release.version())
                .setVariable(SupportTicketProcess.Variables.RELEASE_KEY, release.key())
                .correlateWithResult();
        releases.ticketDelivered(id, ticketKey, EngineTime.now(), null);
    }

    /** What a person deciding or working on the release reads in each form. */
    String context(long id) {
        Release release = find(id).orElseThrow();
        StringBuilder text = new StringBuilder()
                .append(release.key()).append(" · ").append(release.status())
                .append(" · requested by ").append(release.requestedBy()).append('\n');
        if (release.windowStart() != null) {
            text.append("Maintenance window: ").append(windowText(release.windowStart(), release.windowEnd())).append('\n');
        }
        if (release.decisionComment() != null && !release.decisionComment().isEmpty()) {
            text.append("Approval by ").append(release.decidedBy()).append(": ").append(release.decisionComment()).append('\n');
        }
        if (release.deploymentNotes() != null) {
            text.append("Deployment by ").append(release.deployedBy()).append(": ").append(release.deploymentNotes()).append('\n');
        }
        if (release.verificationNotes() != null) {
            text.append("Verification by ").append(release.verifiedBy()).append(": ").append(release.verificationNotes()).append('\n');
        }
        return text.append('\n').append(release.releaseNotes()).toString();
    }

    /** "2026-12-08 22:00 to 2026-12-09 00:00 (Asia/Shanghai)". */
    private String windowText(Instant start, Instant end) {
        return WINDOW_TIME.format(ZonedDateTime.ofInstant(start, properties.zone())) + " to "
                + WINDOW_TIME.format(ZonedDateTime.ofInstant(end, properties.zone())) + " (" + properties.zone() + ")";
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
