package io.opsdesk.inspection;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The targets to inspect: the configured ones, then those checking OpsDesk itself. Built on each call,
 * because OpsDesk's own port is known only once its web server runs.
 */
@Component
public class InspectionTargets {

    public static final String SELF_HOST = "opsdesk-host";
    public static final String SELF_DATABASE = "opsdesk-database";
    public static final String SELF_HTTP = "opsdesk-http";
    public static final String SELF_LOG = "opsdesk-log";

    private final InspectionProperties properties;
    private final Environment environment;

    InspectionTargets(InspectionProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
        validate(properties.getTargets());
    }

    public List<InspectionTarget> all() {
        List<InspectionTarget> all = new ArrayList<>(properties.getTargets());
        if (properties.getSelf().isEnabled()) {
            Set<String> configured = new HashSet<>(all.stream().map(InspectionTarget::getName).toList());
            self().stream().filter(t -> !configured.contains(t.getName())).forEach(all::add);
        }
        return all;
    }

    public Optional<InspectionTarget> find(String name) {
        return all().stream().filter(t -> t.getName().equals(name)).findFirst();
    }

    private List<InspectionTarget> self() {
        List<InspectionTarget> self = new ArrayList<>();

        InspectionTarget host = new InspectionTarget(SELF_HOST, TargetKind.SERVER);
        ServerSettings limits = properties.getSelf().getServer();
        host.getServer().setMaxLoadPerCore(limits.getMaxLoadPerCore());
        host.getServer().setMaxMemoryUsedPercent(limits.getMaxMemoryUsedPercent());
        host.getServer().getDisks().addAll(limits.getDisks());
        host.getServer().getLogDirectories().addAll(limits.getLogDirectories());
        if (host.getServer().getDisks().isEmpty()) {
            host.getServer().getDisks().add(new ServerSettings.Disk(environment.getProperty("opsdesk.data-dir", "./data"), 10));
        }
        self.add(host);

        InspectionTarget database = new InspectionTarget(SELF_DATABASE, TargetKind.DATABASE);
        database.getDatabase().setMaxLatency(properties.getSelf().getMaxLatency());
        self.add(database);

        InspectionTarget http = new InspectionTarget(SELF_HTTP, TargetKind.APPLICATION);
        http.getApplication().setUrl(ownHealthUrl());
        http.getApplication().setExpectedBody("\"status\":\"UP\"");
        http.getApplication().setMaxLatency(properties.getSelf().getMaxLatency());
        self.add(http);

        ownLogFile().ifPresent(file -> {
            InspectionTarget log = new InspectionTarget(SELF_LOG, TargetKind.LOGS);
            log.getLogs().getPaths().add(file);
            self.add(log);
        });
        return self;
    }

    /** {@code /actuator/health} on the port OpsDesk (or its management server) listens on. */
    private String ownHealthUrl() {
        Integer managementPort = port("local.management.port", "management.server.port");
        String prefix = managementPort != null
                ? environment.getProperty("management.server.base-path", "")
                : environment.getProperty("server.servlet.context-path", "");
        int port = managementPort != null ? managementPort : Optional.ofNullable(port("local.server.port", "server.port")).orElse(8080);
        String basePath = environment.getProperty("management.endpoints.web.base-path", "/actuator");
        return "http://localhost:" + port + prefix + basePath + "/health";
    }

    private Integer port(String runningKey, String configuredKey) {
        Integer running = environment.getProperty(runningKey, Integer.class);
        if (running != null && running > 0) {
            return running;
        }
        Integer configured = environment.getProperty(configuredKey, Integer.class);
        return configured != null && configured > 0 ? configured : null;
    }

    private Optional<String> ownLogFile() {
        String name = environment.getProperty("logging.file.name");
        if (name != null && !name.isBlank()) {
            return Optional.of(name);
        }
        String path = environment.getProperty("logging.file.path");
        return path == null || path.isBlank() ? Optional.empty() : Optional.of(path + "/spring.log");
    }

    private static void validate(List<InspectionTarget> targets) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < targets.size(); i++) {
            InspectionTarget target = targets.get(i);
            String where = "opsdesk.inspection.targets[" + i + "]";
            if (target.getName() == null || target.getName().isBlank()) {
                throw new IllegalStateException(where + ": a target needs a name");
            }
            if (target.getKind() == null) {
                throw new IllegalStateException(where + " '" + target.getName() + "': a target needs a kind, one of "
                        + List.of(TargetKind.values()));
            }
            if (target.getKind() == TargetKind.DATABASE) {
                try {
                    DatabaseDialect.choose(target.getDatabase().getDialect(), "");
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(where + " '" + target.getName() + "': " + e.getMessage(), e);
                }
            }
            if (!names.add(target.getName())) {
                throw new IllegalStateException(where + ": the name '" + target.getName() + "' is used twice");
            }
        }
    }
}
