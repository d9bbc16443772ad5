package io.opsdesk.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opsdesk.OpsDeskTest;

/**
 * The Camunda Modeler element templates in {@code element-templates/}: each is well formed and named in
 * Chinese and English, together they cover every bean the BPMN models call, and every bean and method they
 * name exists in the running application. (Their schema is checked by {@code npm run lint-templates}.)
 */
@OpsDeskTest
class ElementTemplatesTest {

    static final String SCHEMA = "https://unpkg.com/@camunda/element-templates-json-schema/resources/schema.json";
    static final Pattern EXPRESSION = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)(?:\\.([A-Za-z]+)\\(([^)]*)\\))?}");

    final ApplicationContext context;

    ElementTemplatesTest(ApplicationContext context) {
        this.context = context;
    }

    final ObjectMapper json = new ObjectMapper();

    @Test
    void everyTemplateIsWellFormedAndBilingual() throws IOException {
        List<JsonNode> templates = templates();
        assertThat(templates).hasSizeGreaterThan(20);
        Set<String> ids = new HashSet<>();
        for (JsonNode template : templates) {
            String id = template.path("id").asText();
            assertThat(ids.add(id)).as("unique id " + id).isTrue();
            assertThat(id).startsWith("io.opsdesk.");
            assertThat(template.path("$schema").asText()).as(id).isEqualTo(SCHEMA);
            assertThat(template.path("name").asText()).as(id + " name: 中文 / English").matches(".*\\p{IsHan}.* / [ -~]+");
            assertThat(template.path("description").asText()).as(id + " description").matches("(?s).*\\p{IsHan}.* / .*[A-Za-z].*");
            assertThat(template.path("version").isInt()).as(id + " version").isTrue();
            assertThat(template.path("appliesTo").isArray() && !template.path("appliesTo").isEmpty()).as(id).isTrue();
            assertThat(template.path("properties")).as(id + " properties").isNotEmpty();
            template.path("properties").forEach(property ->
                    assertThat(property.at("/binding/type").asText()).as(id + " binding type").isNotBlank());
        }
    }

    @Test
    void everyBeanTheModelsCallHasATemplate() throws IOException {
        Set<String> bound = new HashSet<>();
        Set<String> userTaskDescriptions = new HashSet<>();
        for (JsonNode template : templates()) {
            bound.addAll(boundExpressions(template));
            if (template.path("appliesTo").toString().contains("bpmn:UserTask")) {
                userTaskDescriptions.addAll(expressionsIn(template.path("description").asText()));
            }
        }
        List<BpmnExpressions.Use> uses = BpmnExpressions.inProcesses(Path.of("processes"));
        assertThat(uses).as("calls into the application in processes/*.bpmn").hasSizeGreaterThan(70);
        assertThat(uses).filteredOn(BpmnExpressions.Use::taskListener).hasSizeGreaterThan(20);
        Set<String> missing = new TreeSet<>();
        for (BpmnExpressions.Use use : uses) {
            boolean covered = use.taskListener() ? userTaskDescriptions.contains(use.expression()) : bound.contains(use.expression());
            if (!covered) {
                missing.add(use.toString());
            }
        }
        assertThat(missing).as("expressions of processes/*.bpmn without an element template").isEmpty();
    }

    @Test
    void templatesNameOnlyBeansAndMethodsThatExist() throws IOException {
        Set<String> expressions = new TreeSet<>();
        for (JsonNode template : templates()) {
            expressions.addAll(boundExpressions(template));
            expressions.addAll(expressionsIn(template.path("description").asText()));
        }
        assertThat(expressions).hasSizeGreaterThan(30);
        for (String expression : expressions) {
            Matcher call = EXPRESSION.matcher(expression);
            assertThat(call.matches()).as("a bean or a bean's method: " + expression).isTrue();
            assertThat(context.containsBean(call.group(1))).as("bean of " + expression).isTrue();
            if (call.group(2) != null) {
                int arguments = call.group(3).isBlank() ? 0 : call.group(3).split(",").length;
                Class<?> type = AopUtils.getTargetClass(context.getBean(call.group(1)));
                assertThat(Arrays.stream(type.getMethods()).filter(m -> Modifier.isPublic(m.getModifiers()))
                        .map(Method::getName).filter(call.group(2)::equals).count())
                        .as(type.getSimpleName() + "." + call.group(2) + " of " + expression).isPositive();
                assertThat(Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(call.group(2))
                        && m.getParameterCount() == arguments)).as(arguments + " arguments: " + expression).isTrue();
            }
        }
    }

    /** The delegate, expression and execution listener values a template writes, with every dropdown choice. */
    private static Set<String> boundExpressions(JsonNode template) {
        Set<String> values = new HashSet<>();
        for (JsonNode property : template.path("properties")) {
            String type = property.at("/binding/type").asText();
            String name = property.at("/binding/name").asText();
            boolean code = type.equals("camunda:executionListener") || (type.equals("property")
                    && (name.equals("camunda:delegateExpression") || name.equals("camunda:expression")));
            if (code) {
                values.add(property.path("value").asText());
                property.path("choices").forEach(choice -> values.add(choice.path("value").asText()));
            }
        }
        values.remove("");
        return values;
    }

    private static Set<String> expressionsIn(String text) {
        Set<String> found = new HashSet<>();
        Matcher matcher = Pattern.compile("\\$\\{[^}]+}").matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private List<JsonNode> templates() throws IOException {
        List<JsonNode> templates = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("element-templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode array = json.readTree(file.toFile());
                assertThat(array.isArray()).as(file + " is a JSON array of templates").isTrue();
                array.forEach(templates::add);
            }
        }
        return templates;
    }
}
