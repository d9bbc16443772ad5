package io.opsdesk.engine;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** Puts the {@link StartGuard} on every process and the {@link CompletionGuard} on every user task, before the model's own listeners. */
final class GuardParseListener extends AbstractBpmnParseListener {

    private static final CompletionGuard COMPLETION = new CompletionGuard();

    private final FormContracts contracts;

    GuardParseListener(FormContracts contracts) {
        this.contracts = contracts;
    }

    @Override
    public void parseProcess(Element process, ProcessDefinitionEntity definition) {
        String formRef = null;
        for (Element start : process.elements("startEvent")) {
            if (start.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef") != null) {
                formRef = start.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
            }
        }
        String initiator = (String) definition.getProperty(BpmnParse.PROPERTYNAME_INITIATOR_VARIABLE_NAME);
        definition.addBuiltInListener(ExecutionListener.EVENTNAME_START,
                new StartGuard(definition.getKey(), formRef, initiator, contracts));
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, COMPLETION);
    }
}
