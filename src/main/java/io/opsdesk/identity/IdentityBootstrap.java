package io.opsdesk.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
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

    static final String FILTER_MY_GROUP = "My group's open tasks";
    static final String FILTER_ASSIGNED = "Assigned to me";
    static final String FILTER_OVERDUE = "Overdue";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final FilterService filters;
    private final TaskService tasks;
    private final boolean demoUsers;

    IdentityBootstrap(IdentityService identity, AuthorizationService authorizations, FilterService filters,
                      TaskService tasks, @Value("${opsdesk.demo-users:false}") boolean demoUsers) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.filters = filters;
        this.tasks = tasks;
        this.demoUsers = demoUsers;
    }

    /**
     * Every step creates only what is missing (the staff groups' rights are put in line with {@link StaffAccess}). Nodes of a cluster starting at the same moment can both find a
     * group or grant missing; the second insert then fails on the database's unique key once the first node
     * committed, and a second pass finds everything there.
     */
    @EventListener(ApplicationReadyEvent.class)
    void bootstrap() {
        for (int attempt = 1; ; attempt++) {
            try {
                createMissing();
                return;
            } catch (RuntimeException collided) {
                if (attempt == 3) {
                    throw collided;
                }
                LOG.info("Identity bootstrap collided with another node starting at the same moment ({}); checking again",
                        collided.getClass().getSimpleName());
            }
        }
    }

    private void createMissing() {
        Map.of(Groups.SUPPORT, "Support engineers", Groups.DEVELOPMENT, "Developers",
                Groups.SUPERVISORS, "Supervisors", Groups.MANAGERS, "Managers").forEach(this::group);
        grantAccess();
        createFilters();
        if (demoUsers) {
            DEMO_USERS.forEach(u -> user(u.get(0), u.get(1), u.get(2), u.get(3)));
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
                authorizations.deleteAuthorization(existing.getId());
                LOG.info("Removed {}'s rights on {} {}: not in OpsDesk's access list", existing.getGroupId(),
                        existing.getResourceType(), existing.getResourceId());
            }
        }
        wanted.forEach(g -> grantExactly(g.group(), g.resource(), g.resourceId(), g.permissions()));
    }

    private void createFilters() {
        TaskQuery myGroup = tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks();
        filter(FILTER_MY_GROUP, "Open tasks of the groups I belong to", -10, myGroup,
                Groups.SUPPORT, Groups.DEVELOPMENT, Groups.SUPERVISORS, Groups.MANAGERS);
        filter(FILTER_ASSIGNED, "Tasks I have claimed or was given", -5,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
                Groups.SUPPORT, Groups.DEVELOPMENT, Groups.SUPERVISORS, Groups.MANAGERS);
        // task due dates are the SLA due dates, so this is the work that is late now
        filter(FILTER_OVERDUE, "Open tasks past their SLA due date", 0,
                tasks.createTaskQuery().dueBeforeExpression("${now()}"), Groups.SUPPORT, Groups.SUPERVISORS);
    }

    private void filter(String name, String description, int priority, TaskQuery query, String... groups) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name)
                    .setProperties(Map.of("description", description, "priority", priority, "refresh", true))
                    .setQuery(query);
            filters.saveFilter(filter);
            LOG.info("Created Tasklist filter '{}'", name);
        }
        for (String group : groups) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
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

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        if (existing == null) {
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
