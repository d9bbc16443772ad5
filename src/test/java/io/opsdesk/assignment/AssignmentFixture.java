package io.opsdesk.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;

import io.opsdesk.Http;
import io.opsdesk.identity.Groups;

/**
 * Three developers (nadia, omar, petra; ids no other test uses: LoginThrottleTest has its own dora) as the only ones at work in a group ({@code development}, or for a test
 * also {@code support}): every other member is marked away for the test. A probe model with one development task and no listeners of its own, as the Modeler would
 * deploy it. {@link #tearDown()} switches every group off again and brings everyone back, since all test classes
 * share one database.
 */
final class AssignmentFixture {

    static final List<String> PEOPLE = List.of("nadia", "omar", "petra");
    static final String PROBE = "assignment-probe";

    private final ProcessEngine engine;
    private final AwayService away;
    private final AssignmentStrategies strategies;
    final Http http;

    AssignmentFixture(ProcessEngine engine, AwayService away, AssignmentStrategies strategies, int port) {
        this.engine = engine;
        this.away = away;
        this.strategies = strategies;
        this.http = new Http(port);
    }

    static String password(String user) {
        return user + "-Password-1";
    }

    static String[] as(String user) {
        String password = PEOPLE.contains(user) ? password(user) : user;
        return new String[] {"Authorization", Http.basic(user, password), "Content-Type", "application/json"};
    }

    /** The three people in development, everyone else in {@code group} away. */
    void setUp(String group) {
        for (String person : PEOPLE) {
            if (engine.getIdentityService().createUserQuery().userId(person).count() == 0) {
                User user = engine.getIdentityService().newUser(person);
                user.setPassword(password(person));
                engine.getIdentityService().saveUser(user);
                engine.getIdentityService().createMembership(person, Groups.DEVELOPMENT);
            }
            if (engine.getIdentityService().createUserQuery().userId(person).memberOfGroup(group).count() == 0) {
                engine.getIdentityService().createMembership(person, group);
            }
        }
        engine.getIdentityService().createUserQuery().memberOfGroup(group).list().stream()
                .map(User::getId).filter(id -> !PEOPLE.contains(id)).forEach(id -> away.set(id, true, null));
        if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROBE).count() == 0) {
            engine.getRepositoryService().createDeployment().name(PROBE)
                    .addString(PROBE + ".bpmn", Bpmn.convertToString(Bpmn.createExecutableProcess(PROBE).camundaHistoryTimeToLive(1)
                            .startEvent("StartEvent_Probe").userTask("UserTask_Probe").name("Probe")
                            .camundaCandidateGroups(Groups.DEVELOPMENT).camundaFormRef(PROBE).camundaFormRefBinding("latest")
                            .endEvent("EndEvent_Probe").done()))
                    .addString(PROBE + ".form", "{\"id\": \"" + PROBE + "\", \"type\": \"default\", \"schemaVersion\": 16, "
                            + "\"components\": [{\"type\": \"textfield\", \"key\": \"note\", \"label\": \"Note\"}]}")
                    .deploy();
        }
    }

    void tearDown() {
        ClockUtil.reset();
        for (String person : PEOPLE) {
            engine.getIdentityService().createGroupQuery().groupMember(person).list().stream()
                    .filter(group -> !group.getId().equals(Groups.DEVELOPMENT))
                    .forEach(group -> engine.getIdentityService().deleteMembership(person, group.getId()));
        }
        strategies.all().forEach(setting -> strategies.change(setting.group(), "OFF", "test"));
        away.awayNow().forEach(mark -> away.back(mark.user()));
        engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROBE).list()
                .forEach(p -> engine.getRuntimeService().deleteProcessInstance(p.getId(), "assignment test", true, true));
    }

    void strategy(String group, String strategy) {
        Http.Response response = http.send("PUT", "/api/assignment/groups/" + group, "{\"strategy\": \"" + strategy + "\"}", as("carol"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** Starts {@code count} probe instances, each a new development task; returns the tasks' ids. */
    List<String> newTasks(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String instance = engine.getRuntimeService().startProcessInstanceByKey(PROBE).getId();
            ids.add(engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId());
        }
        return ids;
    }

    /** assignee (or "(queue)") → how many of {@code tasks} they have. */
    Map<String, Long> spread(List<String> tasks) {
        return engine.getTaskService().createTaskQuery().taskIdIn(tasks.toArray(String[]::new)).list().stream()
                .collect(Collectors.groupingBy(task -> assigneeOrQueue(task), TreeMap::new, Collectors.counting()));
    }

    /** Open probe tasks per person, all of them. */
    Map<String, Long> openProbeTasks() {
        return engine.getTaskService().createTaskQuery().processDefinitionKey(PROBE).list().stream()
                .collect(Collectors.groupingBy(task -> assigneeOrQueue(task), TreeMap::new, Collectors.counting()));
    }

    private static String assigneeOrQueue(Task task) {
        return task.getAssignee() == null ? "(queue)" : task.getAssignee();
    }
}
