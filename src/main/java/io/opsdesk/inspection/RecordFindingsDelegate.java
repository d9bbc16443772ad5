package io.opsdesk.inspection;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.engine.ProcessText;
import io.opsdesk.inspection.DailyInspectionProcess.Beans;
import io.opsdesk.inspection.DailyInspectionProcess.Variables;

/**
 * {@code ServiceTask_RecordFindings}: opens or updates a FAULT ticket per finding of the run, keeps the counts
 * as process variables and finishes the run; a failed check goes to support's team chat. All in one transaction: a
 * retry starts again from nothing.
 */
@ProcessBean(Beans.RECORD_FINDINGS)
class RecordFindingsDelegate implements JavaDelegate {

    private final InspectionService inspection;
    private final FindingTickets findingTickets;
    private final InspectionChat chat;

    RecordFindingsDelegate(InspectionService inspection, FindingTickets findingTickets, InspectionChat chat) {
        this.inspection = inspection;
        this.findingTickets = findingTickets;
        this.chat = chat;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long runId = Variables.runId(execution);
        FindingTickets.Outcome outcome = findingTickets.record(inspection.run(runId));
        execution.setVariable(Variables.NEW_TICKET_COUNT, outcome.opened());
        execution.setVariable(Variables.UPDATED_TICKET_COUNT, outcome.updated());
        execution.setVariable(Variables.TICKET_LINES, ProcessText.fit(String.join("\n", outcome.lines())));
        inspection.finishRun(runId);
        chat.finished(inspection.run(runId), execution.getProcessInstanceId());
    }
}
