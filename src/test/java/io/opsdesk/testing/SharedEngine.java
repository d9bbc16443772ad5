package io.opsdesk.testing;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The one bare engine of the JVM ({@link BareEngine}), configured like the application's engine where it changes
 * what a model does, and closed when the test run ends.
 */
final class SharedEngine implements ExtensionContext.Store.CloseableResource {

    private final ProcessEngine engine;

    SharedEngine(Map<Object, Object> beans) {
        ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("bare-engine");
        configuration.setJdbcUrl("jdbc:h2:mem:bare-engine;DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setEnforceHistoryTimeToLive(true);
        configuration.setFailedJobRetryTimeCycle(appSetting("opsdesk.jobs.retry-schedule"));
        configuration.setMetricsEnabled(false);
        configuration.setDbMetricsReporterActivate(false);
        // the engine resolves expressions from this map on every evaluation, so tests may change its entries
        configuration.setBeans(beans);
        engine = configuration.buildProcessEngine();
    }

    ProcessEngine engine() {
        return engine;
    }

    private static String appSetting(String key) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        String value = yaml.getObject().getProperty(key);
        if (value == null) {
            throw new IllegalStateException(key + " is not in application.yaml");
        }
        return value;
    }

    @Override
    public void close() {
        engine.close();
    }
}
