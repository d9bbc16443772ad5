package io.opsdesk.assignment;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The logged-in person's own away mark (any staff group): {@code GET} shows it, {@code PUT {"away": true,
 * "until": "2026-12-24"}} sets it and hands on their open tasks, {@code DELETE} ends it. Only ever one's own:
 * there is no user in the path or body.
 */
@RestController
@RequestMapping("/api/me/away")
class AwayController {

    private final AwayService away;

    AwayController(AwayService away) {
        this.away = away;
    }

    /** The body of {@code PUT}: away or back, and the last day away (optional). */
    record AwayRequest(Boolean away, String until) {
    }

    /** A person's mark: {@code until} null with {@code away} true means until they say they are back. */
    record AwayView(String user, boolean away, LocalDate until, Instant since) {
    }

    @GetMapping
    AwayView get(Principal user) {
        return away.of(user.getName()).map(mark -> new AwayView(mark.user(), true, mark.until(), mark.since()))
                .orElse(new AwayView(user.getName(), false, null, null));
    }

    @PutMapping
    AwayService.AwayChange set(@RequestBody AwayRequest request, Principal user) {
        return away.set(user.getName(), request.away(), request.until());
    }

    @DeleteMapping
    AwayService.AwayChange back(Principal user) {
        return away.back(user.getName());
    }
}
