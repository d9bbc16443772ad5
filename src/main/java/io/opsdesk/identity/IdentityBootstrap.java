package io.opsdesk.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Creates what every installation needs: the staff groups, their Camunda authorizations (exactly
 * {@link StaffAccess}, at every start) and Tasklist filters; in the demo profile also one user per group. Users,
 * filters and other groups' rights that an administrator set up in Camunda Admin are kept.
 */
@Component
class IdentityBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityBootstrap.class);

    /** Demo users: id, first name, last name, group. The password is the id. */
    private static final List<List<String>> DEMO_USERS = List.of(
            List.of("alice", "Alice", "Support", Groups.SUPPORT),
            List.of("bob", "Bob", "Developer", Groups.DEVELOPMENT),
            List.of("carol", "Carol", "Supervisor", Groups.SUPERVISORS),
            List.of("mike", "Mike", "Manager", Groups.MANAGERS));

    private final LockingTaskExecutor lock;
    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final TasklistFilters filters;
    private final TaskService tasks;
    private final boolean demoUsers;

    IdentityBootstrap(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                      TaskService tasks, DataSource dataSource, @Value("${opsdesk.demo-users:false}") boolean demoUsers) {
        this.lock = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration
                .builder().withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build()));
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = new TasklistFilters(filters, tasks, authorizations);
        this.tasks = tasks;
        this.demoUsers = demoUsers;
    }

    /**
     * Every step creates only what is missing (the staff groups' rights are put in line with {@link StaffAccess}).
     * Nodes of a cluster starting at the same moment take turns (a lock row); should one still find a row stored
     * by another meanwhile, the step that collided runs again and finds it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void bootstrap() {
        // one node of a cluster at a time (a ShedLock row); a node that finds another at it skips: the result is the same
        lock.executeWithLock((Runnable) this::createMissing,
                new LockConfiguration(Instant.now(), "identity-bootstrap", Duration.ofMinutes(5), Duration.ZERO));
    }

    private void createMissing() {
        Map.of(Groups.SUPPORT, "Support engineers", Groups.DEVELOPMENT, "Developers",
                Groups.SUPERVISORS, "Supervisors", Groups.MANAGERS, "Managers")
                .forEach((id, name) -> collisionSafe(() -> group(id, name)));
        grantAccess();
        filters.create();
        if (demoUsers) {
            DEMO_USERS.forEach(u -> collisionSafe(() -> user(u.get(0), u.get(1), u.get(2), u.get(3))));
            LOG.warn("Demo accounts are active (alice/alice support, bob/bob development, carol/carol supervisors, "
                    + "mike/mike managers, admin/admin camunda-admin). Set opsdesk.demo-users=false and change "
                    + "the admin password before real use.");
        }
    }

    /**
     * Makes the staff groups' authorizations exactly {@link StaffAccess#grants()}: missing ones are created,
     * extra permissions removed, and type-wide ("*") or process-wide grants not in the list deleted. Filter
     * rights and Camunda's per-task candidate-group rights are left alone.
     */
    private void grantAccess() {
        List<StaffAccess.Grant> wanted = StaffAccess.grants();
        for (Authorization existing : authorizations.createAuthorizationQuery()
                .groupIdIn(StaffAccess.GROUPS.toArray(String[]::new)).authorizationType(AUTH_TYPE_GRANT).list()) {
            boolean managed = "*".equals(existing.getResourceId()) || existing.getResourceType() == Resources.PROCESS_DEFINITION.resourceType()
                    || existing.getResourceType() == Resources.APPLICATION.resourceType();
            boolean kept = wanted.stream().anyMatch(g -> g.group().equals(existing.getGroupId())
                    && g.resource().resourceType() == existing.getResourceType() && g.resourceId().equals(existing.getResourceId()));
            if (managed && !kept) {
                collisionSafe(() -> {
                    if (authorizations.createAuthorizationQuery().authorizationId(existing.getId()).count() > 0) {
                        authorizations.deleteAuthorization(existing.getId());
                    }
                });
                LOG.info("Removed {}'s rights on {} {}: not in OpsDesk's access list", existing.getGroupId(),
                        existing.getResourceType(), existing.getResourceId());
            }
        }
        wanted.forEach(g -> collisionSafe(() -> grantExactly(g.group(), g.resource(), g.resourceId(), g.permissions())));
    }

    /**
     * Runs one step again when another node starting at the same moment stored the same row first: the
     * insert fails on the unique key (after that node committed), and the second run finds the row and only
     * puts it in line.
     */
    private static void collisionSafe(Runnable step) {
        for (int attempt = 1; ; attempt++) {
            try {
                step.run();
                return;
            } catch (ProcessEngineException collided) {
                if (attempt == 3) {
                    throw collided;
                }
                LOG.info("Identity bootstrap step collided with another node ({}); trying it again",
                        collided.getClass().getSimpleName());
            }
        }
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
            LOG.info("Created group {}", id);
        }
    }

    private void user(String id, String first, String last, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(first);
            user.setLastName(last);
            user.setEmail(id + "@opsdesk.example");
            user.setPassword(id);
            identity.saveUser(user);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identity.createMembership(id, group);
        }
    }

    private void grantExactly(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery()
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        int before = ((AuthorizationEntity) authorization).getPermissions();
        authorization.setPermissions(permissions);
        if (authorization.getId() == null || before != ((AuthorizationEntity) authorization).getPermissions()) {
            authorizations.saveAuthorization(authorization);
        }
    }

}
