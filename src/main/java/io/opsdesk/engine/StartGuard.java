package io.opsdesk.engine;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * A person who starts a process (Tasklist, {@code /engine-rest}) gives only what its start form asks; the
 * variables a process trusts ({@code initiator}, {@code trigger}, ids that delegates set) cannot be forged, and
 * the initiator is the logged-in user. Starts by OpsDesk itself (no Camunda login: the API, timers, messages)
 * and by a parent process (call activity) are not a person's and pass. A refusal is an
 * {@link AuthorizationException} (403 from {@code /engine-rest}): the caller may not set what it tried to.
 */
final class StartGuard implements ExecutionListener {

    private final String processKey;
    private final String formRef;
    private final String initiatorVariable;
    private final FormContracts contracts;

    StartGuard(String processKey, String formRef, String initiatorVariable, FormContracts contracts) {
        this.processKey = processKey;
        this.formRef = formRef;
        this.initiatorVariable = initiatorVariable;
        this.contracts = contracts;
    }

    @Override
    public void notify(DelegateExecution execution) {
        CommandContext command = Context.getCommandContext();
        String user = command.getAuthenticatedUserId();
        // administrators too: a process started with variables it did not ask for is not to be trusted by anyone
        if (user == null || execution.getSuperExecution() != null) {
            return;
        }
        if (initiatorVariable != null && !user.equals(execution.getVariable(initiatorVariable))) {
            throw new AuthorizationException(initiatorVariable + ": the initiator is the logged-in user ("
                    + user + "); it cannot be set by the caller");
        }
        Set<String> refused = new TreeSet<>(execution.getVariableNames());
        refused.removeAll(formFields(command));
        refused.removeAll(contracts.startVariables(processKey));
        if (initiatorVariable != null) {
            refused.remove(initiatorVariable);
        }
        if (!refused.isEmpty()) {
            throw new AuthorizationException(String.join(", ", refused) + ": not a field of the start form"
                    + (formRef == null ? " (this process has none)" : " '" + formRef + "'")
                    + "; the process sets these itself");
        }
    }

    static boolean isAdmin(List<String> groups) {
        return groups != null && groups.contains("camunda-admin");
    }

    private Set<String> formFields(CommandContext command) {
        if (formRef == null) {
            return Set.of();
        }
        CamundaFormDefinitionEntity form = command.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formRef);
        if (form == null) {
            return Set.of();
        }
        ResourceEntity resource = command.getResourceManager()
                .findResourceByDeploymentIdAndResourceName(form.getDeploymentId(), form.getResourceName());
        FormRules.Form parsed = FormRules.check(resource.getName(), resource.getBytes(), java.util.Map.of(), new java.util.ArrayList<>());
        return parsed == null ? Set.of() : parsed.fields();
    }
}
