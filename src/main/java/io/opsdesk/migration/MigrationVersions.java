package io.opsdesk.migration;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * Reads the versions a migration request names and refuses what cannot be meant: a version that is not
 * a whole number, one that was never deployed, a target that is not newer than the source.
 */
@Component
class MigrationVersions {

    static final String TARGET = "targetVersion";
    static final String SOURCE = "sourceVersion";

    /** The target definition and, when the request names one, the only source definition. */
    record Chosen(ProcessDefinition target, ProcessDefinition source) {
    }

    private final RepositoryService repository;

    MigrationVersions(RepositoryService repository) {
        this.repository = repository;
    }

    Chosen choose(String processKey, MigrationRequest request) {
        List<ProcessDefinition> deployed = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .withoutTenantId().orderByProcessDefinitionVersion().asc().list();
        if (deployed.isEmpty()) {
            throw new IllegalStateException("process " + processKey + " is not deployed");
        }
        ProcessDefinition target = isLatest(request.targetVersion())
                ? deployed.get(deployed.size() - 1)
                : find(deployed, TARGET, number(TARGET, request.targetVersion()), processKey);
        ProcessDefinition source = request.sourceVersion() == null ? null
                : find(deployed, SOURCE, number(SOURCE, request.sourceVersion()), processKey);
        if (source != null && source.getVersion() == target.getVersion()) {
            throw new InvalidMigrationException(TARGET, "is the same as sourceVersion (" + target.getVersion()
                    + "); name a newer version to move to / 目标版本与源版本相同");
        }
        if (source != null && source.getVersion() > target.getVersion()) {
            throw new InvalidMigrationException(TARGET, "version " + target.getVersion() + " is not newer than sourceVersion "
                    + source.getVersion() + "; tickets only move forward / 目标版本必须比源版本新");
        }
        if (source == null && target.getVersion() == deployed.get(0).getVersion()) {
            throw new InvalidMigrationException(TARGET, "version " + target.getVersion() + " is the oldest version of "
                    + processKey + ", no ticket can move forward to it / 目标版本必须比工单当前版本新");
        }
        return new Chosen(target, source);
    }

    private static boolean isLatest(String version) {
        return version == null || version.isBlank() || version.strip().equalsIgnoreCase("latest");
    }

    private static int number(String field, String text) {
        String value = text.strip();
        if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < 1) {
            throw new InvalidMigrationException(field, "'" + text + "' is not a version number (1, 2, 3, ... or \"latest\")"
                    + " / 版本号必须是正整数");
        }
        return Integer.parseInt(value);
    }

    private static ProcessDefinition find(List<ProcessDefinition> deployed, String field, int version, String processKey) {
        return deployed.stream().filter(d -> d.getVersion() == version).findFirst()
                .orElseThrow(() -> new InvalidMigrationException(field, "version " + version + " of " + processKey
                        + " is not deployed; deployed versions: " + deployed.stream()
                        .map(d -> String.valueOf(d.getVersion())).collect(Collectors.joining(", "))
                        + " / 该版本未部署"));
    }
}
