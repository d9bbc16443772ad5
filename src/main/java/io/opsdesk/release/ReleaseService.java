package io.opsdesk.release;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
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
 * Releases as the API and the register step see them: checks a request against the tickets that wait for one,
 * registers it with its generated release notes, and finds releases. The steps after registration are
 * {@link ReleaseSteps}; the delivery to each ticket is {@link TicketDelivery}.
 */
@Service
public class ReleaseService {

    static final int MAX_TICKETS = 100;
    static final int TEXT_LIMIT = 4000;
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._+-]{0,49}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");
    static final String ACTOR = "OpsDesk";

    private final ReleaseRepository releases;
    private final Tickets tickets;
    private final RuntimeService runtime;

    ReleaseService(ReleaseRepository releases, Tickets tickets, RuntimeService runtime) {
        this.releases = releases;
        this.tickets = tickets;
        this.runtime = runtime;
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
                ReleaseTexts.notes(request.version(), request.summary(), included), request.ticketKeys());
        releases.startedBy(id, processInstanceId);
        for (Ticket ticket : included) {
            tickets.note(ticket.key(), requestedBy, "RELEASE", "Included in release " + request.version() + " ("
                    + Release.key(id) + "), awaiting a supervisor's approval", Visibility.INTERNAL);
        }
        return find(id).orElseThrow();
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

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
