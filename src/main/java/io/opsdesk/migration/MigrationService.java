package io.opsdesk.migration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.opsdesk.migration.MigrationReport.TicketMigration;

/**
 * Moves running tickets to a newer version of their process. Every ticket is first checked on its own
 * (Camunda's validation, in a rolled-back transaction); a dry run stops there. A real run hands the
 * tickets that can move to Camunda as one batch per source version ({@code executeAsync}): the job
 * executor migrates them, Cockpit shows the batch, and each ticket's timeline records its move in the
 * transaction that moved it ({@link MigrationTimeline}). Tickets that cannot move are left as they are.
 * <p>
 * The engine calls run as the application, not as the caller: the HTTP layer lets only managers and
 * administrators in, and managers hold no Camunda right to migrate instances themselves.
 */
@Service
class MigrationService {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationService.class);

    private final MigrationVersions versions;
    private final MigrationCheck check;
    private final RepositoryService repository;
    private final RuntimeService runtime;

    MigrationService(MigrationVersions versions, MigrationCheck check, RepositoryService repository, RuntimeService runtime) {
        this.versions = versions;
        this.check = check;
        this.repository = repository;
        this.runtime = runtime;
    }

    MigrationReport migrate(String processKey, MigrationRequest request, String requestedBy) {
        MigrationVersions.Chosen chosen = versions.choose(processKey, request);
        ProcessDefinition target = chosen.target();
        List<TicketMigration> tickets = new ArrayList<>();
        List<String> batchIds = new ArrayList<>();
        for (Map.Entry<ProcessDefinition, List<ProcessInstance>> group : running(processKey, chosen).entrySet()) {
            MigrationCheck.Plan plan = check.plan(group.getKey(), target);
            List<String> movable = new ArrayList<>();
            for (ProcessInstance instance : group.getValue()) {
                List<String> reasons = plan.valid() ? check.whyNot(plan.plan(), instance.getId()) : plan.reasons();
                if (reasons.isEmpty()) {
                    movable.add(instance.getId());
                }
                tickets.add(new TicketMigration(instance.getBusinessKey(), instance.getId(), group.getKey().getVersion(),
                        runtime.getActiveActivityIds(instance.getId()), reasons.isEmpty(), reasons));
            }
            if (!request.isDryRun() && !movable.isEmpty()) {
                Batch batch = runtime.newMigration(plan.plan()).processInstanceIds(movable).executeAsync();
                batchIds.add(batch.getId());
                LOG.info("{} migrates {} {} instance(s) from version {} to {} in batch {}", requestedBy, movable.size(),
                        processKey, group.getKey().getVersion(), target.getVersion(), batch.getId());
            }
        }
        return MigrationReport.of(processKey, target.getVersion(), request.isDryRun(), batchIds, tickets);
    }

    /** Running instances by the source definition they are on: older than the target, or only the one named. */
    private Map<ProcessDefinition, List<ProcessInstance>> running(String processKey, MigrationVersions.Chosen chosen) {
        List<ProcessDefinition> sources = chosen.source() != null ? List.of(chosen.source())
                : repository.createProcessDefinitionQuery().processDefinitionKey(processKey).withoutTenantId().list().stream()
                        .filter(d -> d.getVersion() < chosen.target().getVersion())
                        .sorted(Comparator.comparingInt(ProcessDefinition::getVersion)).toList();
        Map<ProcessDefinition, List<ProcessInstance>> running = new LinkedHashMap<>();
        for (ProcessDefinition source : sources) {
            List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionId(source.getId())
                    .orderByBusinessKey().asc().list();
            if (!instances.isEmpty()) {
                running.put(source, instances);
            }
        }
        return running;
    }
}
