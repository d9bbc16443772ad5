package io.opsdesk;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@OpsDeskTest
class ApplicationStartsTest {

    @Autowired
    RepositoryService repository;

    @Test
    void deploysTheTicketProcessItsDecisionAndForms() {
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("support-ticket").count()).isEqualTo(1);
        assertThat(repository.createDecisionDefinitionQuery().decisionDefinitionKey("ticket-priority").count()).isEqualTo(1);
        assertThat(repository.createDeploymentQuery().list()).isNotEmpty();
    }
}
