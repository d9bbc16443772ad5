package io.opsdesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;

@OpsDeskTest
class ApplicationStartsTest {

    final RepositoryService repository;

    ApplicationStartsTest(RepositoryService repository) {
        this.repository = repository;
    }

    @Test
    void deploysTheTicketProcessItsDecisionAndForms() {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("support-ticket").count()).isEqualTo(1);
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("ticket-priority").count()).isEqualTo(1);
        assertThat(repository.createDeploymentQuery().list()).isNotEmpty();
    }
}
