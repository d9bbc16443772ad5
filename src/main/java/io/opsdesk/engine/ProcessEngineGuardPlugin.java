package io.opsdesk.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Treats every deployment as code. The engine's expressions resolve only {@link ProcessBean}s, not the
 * whole application context ({@code ${jdbcTemplate}}, {@code ${environment}} resolve to nothing), and the
 * {@link DeploymentGuard} checks each new deployment before it is stored. At run time the
 * {@link StartGuard} and {@link CompletionGuard} keep people to their own starts and tasks.
 */
@Component
class ProcessEngineGuardPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;
    private final ProcessBeans beans;
    private final FormContracts contracts;
    private final Set<String> allowedClasses;

    ProcessEngineGuardPlugin(ApplicationContext context, ObjectProvider<FormContract> contracts,
                             @Value("${opsdesk.deployment-guard.allowed-classes:}") List<String> allowedClasses) {
        this.context = context;
        this.beans = new ProcessBeans(context);
        this.contracts = new FormContracts(contracts);
        this.allowedClasses = new HashSet<>(allowedClasses);
        this.allowedClasses.remove("");
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setBeans(beans);
        configuration.setResourceAuthorizationProvider(new CandidateGroupAuthorizationProvider());
        configuration.setExpressionManager(new GuardedExpressionManager(context, beans));
        List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        preDeployers.add(0, new DeploymentGuard(new BpmnRules(new ExpressionRules(beans), beans, allowedClasses), contracts));
        configuration.setCustomPreDeployers(preDeployers);
        List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        parseListeners.add(new GuardParseListener(contracts));
        configuration.setCustomPostBPMNParseListeners(parseListeners);
    }
}
