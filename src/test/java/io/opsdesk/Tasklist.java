package io.opsdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Works tasks the way Camunda Tasklist does, through {@code /engine-rest} as a logged-in user: find the
 * ticket's task, load its Camunda Form, claim it, submit the form's variables.
 */
public final class Tasklist {

    private final Http http;
    private final String user;
    private final String auth;

    public Tasklist(Http http, String user) {
        this.http = http;
        this.user = user;
        this.auth = Http.basic(user, user);
    }

    /**
     * The ticket's open task with this definition key, as this user sees it; waited for, as a customer's new
     * ticket starts its process moments after its 201.
     */
    public JsonNode task(String ticketKey, String taskDefinitionKey) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            Http.Response response = http.get("/engine-rest/task?processInstanceBusinessKey=" + ticketKey
                    + "&taskDefinitionKey=" + taskDefinitionKey, "Authorization", auth);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            assertThat(response.json()).as(user + " sees " + taskDefinitionKey + " of " + ticketKey).hasSize(1);
            return response.json().get(0);
        }, task -> true);
    }

    /** Opens the task's form as Tasklist would, claims the task and completes it with the form's values. */
    public Http.Response work(String ticketKey, String taskDefinitionKey, Map<String, Object> formValues) {
        JsonNode task = task(ticketKey, taskDefinitionKey);
        String id = task.get("id").asText();
        Http.Response form = http.get("/engine-rest/task/" + id + "/deployed-form", "Authorization", auth);
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        Http.Response variables = http.get("/engine-rest/task/" + id + "/form-variables", "Authorization", auth);
        assertThat(variables.json().path("ticketContext").path("value").asText()).contains(ticketKey);
        if (task.get("assignee").isNull()) {
            Http.Response claim = http.postJson("/engine-rest/task/" + id + "/claim", Map.of("userId", user), "Authorization", auth);
            assertThat(claim.status()).as(claim.body()).isEqualTo(204);
        }
        Map<String, Object> submitted = new LinkedHashMap<>();
        formValues.forEach((name, value) -> submitted.put(name, Map.of("value", value)));
        return http.postJson("/engine-rest/task/" + id + "/complete", Map.of("variables", submitted), "Authorization", auth);
    }

    public void complete(String ticketKey, String taskDefinitionKey, Map<String, Object> formValues) {
        Http.Response response = work(ticketKey, taskDefinitionKey, formValues);
        assertThat(response.status()).as(response.body()).isEqualTo(204);
    }
}
