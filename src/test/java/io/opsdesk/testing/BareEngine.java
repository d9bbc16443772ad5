package io.opsdesk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractProcessAssert;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.mockito.Mockito;
import org.mockito.stubbing.Answer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The second test tier: a bare Camunda engine, no Spring context, for fast process tests with mocked delegates.
 * One engine per JVM, shared by every test class that uses it: in-memory H2, job executor off, history full,
 * history time to live enforced and the app's default retry cycle ({@code opsdesk.jobs.retry-schedule} from
 * {@code application.yaml}), as in the application. Its expressions resolve only the beans a test puts in
 * ({@link #mock}, {@link #bean}), as the application's resolve only its process beans.
 * <p>
 * Each test class deploys the app's real models it names (from {@code processes/}) with every form of
 * {@code forms/}, once for the class, and removes them (with their instances and timers) after the class.
 * After each test the running instances are deleted, the test's beans dropped, {@link ClockUtil} reset and BPM
 * Assert's last asserted instance forgotten (so {@code job()} never reaches into another test's instance).
 * <pre>{@code
 * @RegisterExtension
 * static final BareEngine engine = BareEngine.deploying("daily-inspection.bpmn", "daily-inspection-schedule.bpmn")
 *         .bean("inspectionSchedule", Map.of("cycle", "0 0 7 * * ?"));   // needed while deploying: timer start
 *
 * final JavaDelegate startRun = engine.mock("inspectionStartRun", JavaDelegate.class);
 *
 * @Test
 * void ... {
 *     doAnswer(setsVariables(Map.of("runId", 7L))).when(startRun).execute(any());
 *     ProcessInstance run = engine.runtime().startProcessInstanceByKey("daily-inspection");
 *     assertThat(run).isWaitingAt("UserTask_ReviewInspection");     // BpmnAwareTests, initialised for this engine
 *     execute(job());
 * }
 * }</pre>
 */
public final class BareEngine implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BareEngine.class);
    /** The engine's expression beans; the engine reads this map on every resolution, so tests may change it. */
    private static final Map<Object, Object> BEANS = new ConcurrentHashMap<>();

    private final List<String> models;
    private final Map<String, Object> classBeans = new LinkedHashMap<>();
    private final List<String> testBeans = new ArrayList<>();
    private ProcessEngine engine;
    private String deploymentId;

    private BareEngine(List<String> models) {
        this.models = models;
    }

    /** Deploys these files of {@code processes/} (e.g. {@code "operations-report.bpmn"}) and all forms for the class. */
    public static BareEngine deploying(String... models) {
        return new BareEngine(List.of(models));
    }

    /**
     * A bean for the whole class, there while the models are deployed: what an expression evaluated at deployment
     * needs (a timer start's cycle such as {@code ${reportSchedule.weekly}}: a {@code Map} or a stubbed mock).
     */
    public BareEngine bean(String name, Object bean) {
        classBeans.put(name, bean);
        return this;
    }

    /** A Mockito mock of this type under this bean name, for the current test (call it from a field initialiser). */
    public <T> T mock(String name, Class<T> type) {
        T mock = Mockito.mock(type, name);
        BEANS.put(name, mock);
        testBeans.add(name);
        return mock;
    }

    /** An answer for a mocked delegate or listener that sets these variables on its execution or task. */
    public static Answer<Void> setsVariables(Map<String, ?> variables) {
        return call -> {
            call.<VariableScope>getArgument(0).setVariables(variables);
            return null;
        };
    }

    public ProcessEngine engine() {
        return engine;
    }

    public RuntimeService runtime() {
        return engine.getRuntimeService();
    }

    public TaskService tasks() {
        return engine.getTaskService();
    }

    public ManagementService management() {
        return engine.getManagementService();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        engine = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedEngine.class, key -> new SharedEngine(BEANS), SharedEngine.class).engine();
        BEANS.putAll(classBeans);
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
                .name(context.getRequiredTestClass().getSimpleName());
        for (String model : models) {
            add(deployment, new ClassPathResource("processes/" + model));
        }
        try {
            for (Resource form : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                add(deployment, form);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deploymentId = deployment.deploy().getId();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        BpmnAwareTests.init(engine);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        engine.getRuntimeService().createProcessInstanceQuery().list().forEach(instance -> engine.getRuntimeService()
                .deleteProcessInstanceIfExists(instance.getId(), "test ended", true, true, true, true));
        testBeans.forEach(BEANS::remove);
        testBeans.clear();
        ClockUtil.reset();
        AbstractProcessAssert.resetLastAsserts();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (deploymentId != null) {
            engine.getRepositoryService().deleteDeployment(deploymentId, true, true);
        }
        classBeans.keySet().forEach(BEANS::remove);
        BpmnAwareTests.reset();
    }

    private static void add(DeploymentBuilder deployment, Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            deployment.addInputStream(resource.getFilename(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("no " + resource.getDescription() + " to deploy", e);
        }
    }
}
