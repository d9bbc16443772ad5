package io.opsdesk.monitoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.health.AdditionalHealthEndpointPath;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.actuate.health.HttpCodeStatusMapper;
import org.springframework.boot.actuate.health.StatusAggregator;
import org.springframework.stereotype.Component;

/**
 * Keeps some health contributors out of the root {@code /actuator/health}: a mail server that is down must not
 * make OpsDesk's health 503 (a load balancer would take every node out, and tickets could no longer be created,
 * although mail steps only wait and retry). Spring Boot's root includes every contributor and has no exclude of
 * its own, so this narrows its members; the contributors stay reachable in their groups
 * ({@code management.endpoint.health.group.mail}: {@code /actuator/health/mail}).
 */
@Component
class RootHealthExclusions implements HealthEndpointGroupsPostProcessor {

    private final List<String> excluded;

    RootHealthExclusions(@Value("${opsdesk.health.not-in-root:mail}") List<String> excluded) {
        this.excluded = List.copyOf(excluded);
    }

    @Override
    public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
        Map<String, HealthEndpointGroup> named = new HashMap<>();
        groups.getNames().forEach(name -> named.put(name, groups.get(name)));
        return HealthEndpointGroups.of(new Without(groups.getPrimary(), excluded), named);
    }

    private record Without(HealthEndpointGroup group, List<String> excluded) implements HealthEndpointGroup {

        @Override
        public boolean isMember(String name) {
            return !excluded.contains(name) && group.isMember(name);
        }

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return group.showComponents(securityContext);
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return group.showDetails(securityContext);
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return group.getStatusAggregator();
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return group.getHttpCodeStatusMapper();
        }

        @Override
        public AdditionalHealthEndpointPath getAdditionalPath() {
            return group.getAdditionalPath();
        }
    }
}
