package io.opsdesk.sla;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlaProperties.class)
class SlaConfiguration {

    @Bean
    BusinessCalendars businessCalendars(SlaProperties properties, ResourceLoader resourceLoader) {
        return BusinessCalendars.from(properties, resourceLoader);
    }
}
