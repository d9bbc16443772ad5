package io.opsdesk.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Automatic assignment for every user task of every model, deployed from OpsDesk or the Modeler alike: a
 * built-in {@code create} listener ({@link AutoAssignListener}) that no model has to name. The policy is looked
 * up when a task is created, not when the engine starts, since it needs the engine's own services.
 */
@Component
class AutoAssignmentPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<TaskAssignmentPolicy> policy;

    AutoAssignmentPlugin(ObjectProvider<TaskAssignmentPolicy> policy) {
        this.policy = policy;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        parseListeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                String declared = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "candidateGroups");
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, new AutoAssignListener(declared, policy));
            }
        });
        configuration.setCustomPostBPMNParseListeners(parseListeners);
    }
}
