package io.opsdesk.engine;

import java.util.List;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** The decision tables' FEEL expressions are parsed once per expression, not at every evaluation ({@link ParsedFeelCache}). */
@Component
class FeelParseCachePlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration() != null
                ? configuration.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        dmn.setFeelEngineFactory(ParsedFeelCache.factory(configuration.getDmnFeelCustomFunctionProviders() == null
                ? List.of() : configuration.getDmnFeelCustomFunctionProviders()));
        configuration.setDmnEngineConfiguration(dmn);
    }
}
