package io.opsdesk.migration;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.opsdesk.ticket.process.SupportTicketProcess;
import io.opsdesk.ticket.Tickets;
import io.opsdesk.ticket.Visibility;

/**
 * Writes "moved from version 1 to version 2" on a ticket's timeline when, and only when, its process
 * instance really moved. The migration plan sets {@link #FROM_VERSION} on every instance it migrates;
 * Camunda sets plan variables after the instance is on the new definition, in the same transaction (a
 * batch job, or the rolled-back transaction of a dry run). This engine plugin adds a history event
 * handler that sees that variable being written and records the move in the same transaction: a
 * migration that fails or is rolled back leaves no entry.
 */
@Component
class MigrationTimeline extends AbstractProcessEnginePlugin {

    /** Process variable set by the migration plan: the version the instance was on before this migration. */
    static final String FROM_VERSION = "migratedFromVersion";
    static final String ENTRY_TYPE = "MIGRATED";
    static final String ACTOR = "OpsDesk";

    private final ObjectProvider<Tickets> tickets;

    MigrationTimeline(ObjectProvider<Tickets> tickets) {
        this.tickets = tickets;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
                ? new java.util.ArrayList<>() : new java.util.ArrayList<>(configuration.getCustomHistoryEventHandlers());
        // not a bean itself: Camunda's starter would wire a HistoryEventHandler bean in a second time
        handlers.add(new HistoryEventHandler() {
            @Override
            public void handleEvent(HistoryEvent event) {
                record(event);
            }

            @Override
            public void handleEvents(List<HistoryEvent> events) {
                events.forEach(this::handleEvent);
            }
        });
        configuration.setCustomHistoryEventHandlers(handlers);
    }

    private void record(HistoryEvent event) {
        if (!(event instanceof HistoricVariableUpdateEventEntity variable) || !FROM_VERSION.equals(variable.getVariableName())
                || !SupportTicketProcess.KEY.equals(event.getProcessDefinitionKey()) || variable.getLongValue() == null) {
            return;
        }
        // inside the engine's command, without authorization checks: the batch job or the caller's command
        // already passed them
        ExecutionEntity instance = Context.getCommandContext().getExecutionManager()
                .findExecutionById(event.getProcessInstanceId());
        if (instance == null || instance.getBusinessKey() == null) {
            return;
        }
        int to = Context.getProcessEngineConfiguration().getDeploymentCache()
                .findDeployedProcessDefinitionById(event.getProcessDefinitionId()).getVersion();
        long from = variable.getLongValue();
        if (from >= to) {
            return; // not written by a migration plan: those only move forward
        }
        tickets.getObject().note(instance.getBusinessKey(), ACTOR, ENTRY_TYPE,
                message(from, to), Visibility.INTERNAL);
    }

    static String message(long from, int to) {
        return "Support process moved from version " + from + " to version " + to
                + " / 支持流程已从版本 " + from + " 迁移到版本 " + to;
    }
}
