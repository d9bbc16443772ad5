package io.opsdesk.problem;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.opsdesk.domain.DomainException;
import io.opsdesk.problem.ProblemProcess.Elements;
import io.opsdesk.problem.ProblemProcess.Variables;

/**
 * Problem records over HTTP for staff: register one (it runs problem.bpmn), list and read them, describe the root
 * cause and workaround, link tickets, take the process's steps (known error, fixed), and suggest problems for a ticket.
 */
@RestController
class ProblemController {

    /** {@code POST /api/problems}: the title and system, and tickets to link at once. */
    record NewProblem(String title, String system, List<String> tickets) {
    }

    /** {@code PATCH /api/problems/{key}} and {@code POST .../known-error}: null leaves a text as it is. */
    record Description(String rootCause, String workaround) {
    }

    record TicketLink(String ticket) {
    }

    record Fix(String fix) {
    }

    private final ProblemService problems;
    private final ProblemStarter starter;
    private final ProblemTasks tasks;
    private final ProblemSuggestions suggestions;

    ProblemController(ProblemService problems, ProblemStarter starter, ProblemTasks tasks, ProblemSuggestions suggestions) {
        this.problems = problems;
        this.starter = starter;
        this.tasks = tasks;
        this.suggestions = suggestions;
    }

    @PostMapping(path = "/api/problems", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Transactional
    ResponseEntity<Problem> create(@RequestBody(required = false) NewProblem body, Authentication user) {
        NewProblem given = body == null ? new NewProblem(null, null, null) : body;
        String key = starter.start(given.title(), given.system(), user.getName());
        for (String ticket : given.tickets() == null ? List.<String>of() : given.tickets()) {
            problems.link(key, ticket, user.getName());
        }
        return ResponseEntity.created(URI.create("/api/problems/" + key)).body(problems.get(key));
    }

    @GetMapping("/api/problems")
    List<Problem> list(@RequestParam(required = false) String state, @RequestParam(required = false) String system) {
        return problems.list(state(state), system, 100);
    }

    @GetMapping("/api/problems/{key}")
    Problem problem(@PathVariable String key) {
        return problems.get(key);
    }

    @PatchMapping(path = "/api/problems/{key}", consumes = MediaType.APPLICATION_JSON_VALUE)
    Problem describe(@PathVariable String key, @RequestBody(required = false) Description body) {
        if (body == null || body.rootCause() == null && body.workaround() == null) {
            throw DomainException.invalid("rootCause", "give a rootCause, a workaround or both");
        }
        return problems.describe(key, body.rootCause(), body.workaround());
    }

    @PostMapping(path = "/api/problems/{key}/tickets", consumes = MediaType.APPLICATION_JSON_VALUE)
    Problem link(@PathVariable String key, @RequestBody(required = false) TicketLink body, Authentication user) {
        return problems.link(key, body == null ? null : body.ticket(), user.getName());
    }

    /** Investigated: completes 调查问题 with the root cause and workaround; the problem is a known error. */
    @PostMapping(path = "/api/problems/{key}/known-error", consumes = MediaType.APPLICATION_JSON_VALUE)
    Problem knownError(@PathVariable String key, @RequestBody(required = false) Description body, Authentication user) {
        Map<String, Object> form = new HashMap<>();
        form.put(Variables.ROOT_CAUSE, body == null ? null : body.rootCause());
        form.put(Variables.WORKAROUND, body == null ? null : body.workaround());
        String problemKey = problems.get(key).key();
        tasks.complete(problemKey, Elements.INVESTIGATE, user.getName(), form);
        return problems.get(problemKey);
    }

    /** Fixed: completes 修复问题 with the fix; the open linked tickets move on to delivery. */
    @PostMapping(path = "/api/problems/{key}/fix", consumes = MediaType.APPLICATION_JSON_VALUE)
    Problem fix(@PathVariable String key, @RequestBody(required = false) Fix body, Authentication user) {
        Map<String, Object> form = new HashMap<>();
        form.put(Variables.FIX, body == null ? null : body.fix());
        String problemKey = problems.get(key).key();
        tasks.complete(problemKey, Elements.FIX, user.getName(), form);
        return problems.get(problemKey);
    }

    @GetMapping("/api/tickets/{key}/problem-suggestions")
    List<ProblemSuggestions.Suggestion> suggestions(@PathVariable String key) {
        return suggestions.forTicket(key);
    }

    private static ProblemState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        return Arrays.stream(ProblemState.values()).filter(s -> s.name().equalsIgnoreCase(state.strip())).findFirst()
                .orElseThrow(() -> DomainException.invalid("state", "is not one of " + Arrays.toString(ProblemState.values())));
    }
}
