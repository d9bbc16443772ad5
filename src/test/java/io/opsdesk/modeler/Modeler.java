package io.opsdesk.modeler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;

import io.opsdesk.Http;

/**
 * What Camunda Modeler does when a manager presses "Deploy": one multipart POST to
 * {@code /engine-rest/deployment/create} with HTTP Basic; plus the models of this repository to edit.
 */
final class Modeler {

    private final Http http;
    private final String user;

    Modeler(Http http, String user) {
        this.http = http;
        this.user = user;
    }

    static String model(String file) {
        try {
            return Files.readString(Path.of("processes", file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deploys one resource as the Modeler does; the deployment's id. */
    String deploy(String deploymentName, String fileName, String content) {
        String boundary = "----ModelerBoundary" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        Map<String, String> fields = Map.of("deployment-name", deploymentName, "deployment-source", "Camunda Modeler");
        fields.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(fileName).append("\"; filename=\"").append(fileName)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content).append("\r\n")
                .append("--").append(boundary).append("--\r\n");
        Http.Response response = http.post("/engine-rest/deployment/create", body.toString().getBytes(StandardCharsets.UTF_8),
                "Content-Type", "multipart/form-data; boundary=" + boundary, "Authorization", Http.basic(user, user));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("id").asText();
    }

    /** Runs a migration batch as the job executor would: seed job, migration jobs, monitor job, until it is done. */
    static void runBatch(ProcessEngine engine, String batchId) {
        ManagementService management = engine.getManagementService();
        for (int round = 0; round < 20; round++) {
            Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
            if (batch == null) {
                return;
            }
            List<String> definitions = List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                    batch.getMonitorJobDefinitionId());
            for (String definition : definitions) {
                for (Job job : management.createJobQuery().jobDefinitionId(definition).list()) {
                    management.executeJob(job.getId());
                }
            }
        }
        throw new AssertionError("batch " + batchId + " did not finish in 20 rounds");
    }

    /**
     * Runs the batch's seed job and then each of its migration jobs once, as the job executor's first
     * attempt would; the messages of the jobs that failed.
     */
    static List<String> runBatchOnce(ProcessEngine engine, String batchId) {
        ManagementService management = engine.getManagementService();
        Batch batch = management.createBatchQuery().batchId(batchId).singleResult();
        management.createJobQuery().jobDefinitionId(batch.getSeedJobDefinitionId()).list()
                .forEach(job -> management.executeJob(job.getId()));
        List<String> failures = new ArrayList<>();
        for (Job job : management.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId()).list()) {
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException e) {
                failures.add(e.getMessage());
            }
        }
        return failures;
    }
}
