package io.opsdesk;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Coverage of the BPMN models by the process tests (camunda-process-test-coverage, whose engine plugin
 * and test listener register themselves): each {@code *ProcessTest} class must pass every flow node and
 * sequence flow of the processes it runs, and leaves a report in {@code target/process-test-coverage}.
 * To run single test methods, lower the bar: {@code -Dopsdesk.test.process-coverage-at-least=0}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProcessTestCoverage {

    @Bean
    ProcessEngineCoverageProperties processEngineCoverageProperties(
            @Value("${opsdesk.test.process-coverage-at-least:1.0}") double atLeast) {
        return ProcessEngineCoverageProperties.builder()
                .addInclusionPatternForTestClasses("io.opsdesk.*ProcessTest")
                .assertClassCoverageAtLeast(atLeast)
                .build();
    }
}
