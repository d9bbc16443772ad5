package io.opsdesk.ticket;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.opsdesk.identity.Groups;
import io.opsdesk.ticket.TicketApi.Acceptance;
import io.opsdesk.ticket.TicketApi.CreateTicket;
import io.opsdesk.ticket.TicketApi.Created;
import io.opsdesk.ticket.TicketApi.Page;
import io.opsdesk.ticket.TicketApi.Reply;
import io.opsdesk.ticket.TicketApi.TicketSummary;
import io.opsdesk.ticket.TicketApi.TicketView;
import io.opsdesk.web.RateLimiter;

/** OpsDesk's ticket API (v1); thin: every call is one method of {@link TicketService}. */
@RestController
// produces: a caller that accepts no JSON is refused (406) before anything is stored, not after
@RequestMapping(path = "/api/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
class TicketController {

    static final String TOKEN_HEADER = "X-Tracking-Token";

    private final TicketService service;
    private final RateLimiter rateLimiter;
    private final String defaultLocale;

    TicketController(TicketService service, RateLimiter rateLimiter, @Value("${opsdesk.default-locale}") String defaultLocale) {
        this.service = service;
        this.rateLimiter = rateLimiter;
        this.defaultLocale = defaultLocale;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Created> create(@Valid @RequestBody CreateTicket body,
                                   @RequestHeader(name = "Idempotency-Key", required = false)
                                   @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_.:-]+", message = "may contain letters, digits, '_', '.', ':' and '-' only")
                                   String idempotencyKey, HttpServletRequest request, Authentication authentication) {
        rateLimiter.acquire(request.getRemoteAddr());
        String locale = body.customer().locale() == null ? defaultLocale : body.customer().locale();
        TicketService.Created created = service.receive(new NewTicket(body.type(), body.title().strip(), body.description(),
                body.system().strip(), body.impact(), body.urgency(), body.customer().name().strip(),
                body.customer().email().strip(), body.customer().organization(), locale, "API"),
                caller(request, authentication), idempotencyKey);
        URI location = URI.create("/api/tickets/" + created.ticket().key());
        return ResponseEntity.created(location)
                .header("Idempotent-Replayed", String.valueOf(created.replayed()))
                .body(new Created(created.ticket().key(), created.ticket().status(), created.trackingToken(), location.toString()));
    }

    /** Whose Idempotency-Key it is: the logged-in user's, or else the client address's. */
    private static String caller(HttpServletRequest request, Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && !(authentication instanceof AnonymousAuthenticationToken)
                ? "user:" + authentication.getName() : "address:" + request.getRemoteAddr();
    }

    @GetMapping("/{key}")
    TicketView get(@PathVariable String key, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                   Authentication authentication) {
        boolean staff = Groups.isStaff(authentication);
        Ticket ticket = service.open(TicketKeys.requireValid(key), token, staff);
        return TicketView.of(ticket, service.timeline(ticket.key(), staff), staff);
    }

    @GetMapping
    Page list(@RequestParam(required = false) TicketStatus status,
              @RequestParam(required = false) TicketType type,
              @RequestParam(required = false) @Pattern(regexp = "P[1-4]", message = "must be P1, P2, P3 or P4") String priority,
              @RequestParam(required = false) @Size(max = 100) String system,
              @RequestParam(defaultValue = "false") boolean overdue,
              @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
              @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        TicketQuery query = new TicketQuery(status, type, priority, system, overdue, page, size);
        return new Page(service.search(query).stream().map(TicketSummary::of).toList(), page, size, service.count(query));
    }

    @PostMapping(path = "/{key}/replies", consumes = MediaType.APPLICATION_JSON_VALUE)
    TicketView reply(@PathVariable String key, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                     @Valid @RequestBody Reply body) {
        Ticket ticket = service.reply(TicketKeys.requireValid(key), token, body.message());
        return TicketView.of(ticket, service.timeline(ticket.key(), false), false);
    }

    @PostMapping(path = "/{key}/acceptance", consumes = MediaType.APPLICATION_JSON_VALUE)
    TicketView acceptance(@PathVariable String key, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                          @Valid @RequestBody Acceptance body) {
        Ticket ticket = service.acceptance(TicketKeys.requireValid(key), token, body.accepted(), body.comment(), body.rating());
        return TicketView.of(ticket, service.timeline(ticket.key(), false), false);
    }
}
