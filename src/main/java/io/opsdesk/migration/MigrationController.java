package io.opsdesk.migration;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.opsdesk.ticket.process.SupportTicketProcess;

/**
 * {@code POST /api/processes/support-ticket/migrations}: managers move running tickets to a newer version
 * of the support process, after a dry run that says ticket by ticket whether it can move and why not.
 * Only managers and administrators get here (SecurityConfig).
 */
@RestController
class MigrationController {

    static final String PATH = "/api/processes/" + SupportTicketProcess.KEY + "/migrations";

    private final MigrationService migrations;

    MigrationController(MigrationService migrations) {
        this.migrations = migrations;
    }

    /** 200 with the report for a dry run; 202 when batches were started (the tickets move shortly after). */
    @PostMapping(PATH)
    ResponseEntity<MigrationReport> migrate(@RequestBody(required = false) MigrationRequest request, Principal caller) {
        MigrationReport report = migrations.migrate(SupportTicketProcess.KEY,
                request == null ? MigrationRequest.DEFAULT : request, caller.getName());
        HttpStatus status = report.batchIds().isEmpty() ? HttpStatus.OK : HttpStatus.ACCEPTED;
        return ResponseEntity.status(status).body(report);
    }
}
