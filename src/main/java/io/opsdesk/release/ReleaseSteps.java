package io.opsdesk.release;

import org.springframework.stereotype.Service;

import io.opsdesk.engine.EngineTime;
import io.opsdesk.ticket.Tickets;
import io.opsdesk.ticket.Visibility;

/**
 * The steps of a registered release, each recorded on the release, and on its tickets' timelines where the customer
 * or the team should know where the fix stands: decided, planned into a window, deploying, deployed, verified, rolled
 * back, finished.
 */
@Service
class ReleaseSteps {

    private final ReleaseService releases;
    private final ReleaseRepository repository;
    private final Tickets tickets;
    private final ReleaseTexts texts;

    ReleaseSteps(ReleaseService releases, ReleaseRepository repository, Tickets tickets, ReleaseTexts texts) {
        this.releases = releases;
        this.repository = repository;
        this.tickets = tickets;
        this.texts = texts;
    }

    void decided(long id, String by, boolean approved, String comment) {
        Release release = get(id);
        repository.decided(id, approved ? ReleaseStatus.SCHEDULED : ReleaseStatus.REJECTED, by, EngineTime.now(), comment);
        if (!approved) {
            note(release, by, "Release " + release.version() + " (" + release.key() + ") was not approved: " + comment
                    + ". The fix waits for another release", Visibility.INTERNAL);
        }
    }

    void planned(long id, MaintenanceWindow.Opening window) {
        Release release = get(id);
        repository.planned(id, window.start(), window.end());
        note(release, ReleaseService.ACTOR, "The fix goes live with release " + release.version()
                + " in the maintenance window " + texts.window(window.start(), window.end()), Visibility.PUBLIC);
    }

    /** The release is now {@code DEPLOYING}, {@code VERIFYING} or {@code ROLLING_BACK}. */
    void enter(long id, ReleaseStatus status) {
        repository.status(id, status);
    }

    void deployed(long id, String by, String notes) {
        repository.deployed(id, by, EngineTime.now(), notes);
    }

    void verified(long id, String by, boolean passed, String notes) {
        repository.verified(id, by, EngineTime.now(), notes);
        if (!passed) {
            Release release = get(id);
            note(release, by, "Release " + release.version() + " failed verification in production: " + notes,
                    Visibility.INTERNAL);
        }
    }

    void rolledBack(long id, String by, String notes) {
        repository.rolledBack(id, by, EngineTime.now(), notes);
    }

    /** Ends the release as {@code DELIVERED} or {@code ROLLED_BACK}. */
    void finish(long id, ReleaseStatus status) {
        Release release = get(id);
        repository.finished(id, status, EngineTime.now());
        if (status == ReleaseStatus.ROLLED_BACK) {
            note(release, ReleaseService.ACTOR, "Release " + release.version()
                    + " was rolled back; the fix goes live with a later release", Visibility.PUBLIC);
        }
    }

    /** What a person deciding or working on the release reads in each form. */
    String context(long id) {
        return texts.context(get(id));
    }

    private Release get(long id) {
        return releases.find(id).orElseThrow();
    }

    private void note(Release release, String by, String message, Visibility visibility) {
        for (String key : release.ticketKeys()) {
            tickets.note(key, by, "RELEASE", message, visibility);
        }
    }
}
