package io.opsdesk.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Tasklist filters every staff group starts with, created once, each readable by its groups. */
final class TasklistFilters {

    private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

    static final String FILTER_MY_GROUP = "本组待办任务";
    static final String FILTER_ASSIGNED = "我的任务";
    static final String FILTER_OVERDUE = "已逾期任务";
    /** The names before the filters were Chinese: such a filter is renamed, not created again. */
    private static final Map<String, String> EARLIER_NAMES = Map.of(FILTER_MY_GROUP, "My group's open tasks",
            FILTER_ASSIGNED, "Assigned to me", FILTER_OVERDUE, "Overdue");

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
    }

    void create() {
        TaskQuery myGroup = tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                .includeAssignedTasks();
        filter(FILTER_MY_GROUP, "我所在组的未完成任务 / Open tasks of the groups I belong to", -10, myGroup,
                Groups.SUPPORT, Groups.DEVELOPMENT, Groups.SUPERVISORS, Groups.MANAGERS);
        filter(FILTER_ASSIGNED, "我认领或分配给我的任务 / Tasks I have claimed or was given", -5,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"),
                Groups.SUPPORT, Groups.DEVELOPMENT, Groups.SUPERVISORS, Groups.MANAGERS);
        // task due dates are the SLA due dates, so this is the work that is late now
        filter(FILTER_OVERDUE, "已超过 SLA 到期时间的未完成任务 / Open tasks past their SLA due date", 0,
                tasks.createTaskQuery().dueBeforeExpression("${now()}"), Groups.SUPPORT, Groups.SUPERVISORS);
    }

    private void filter(String name, String description, int priority, TaskQuery query, String... groups) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        Filter earlier = filter != null ? null : filters.createFilterQuery().filterName(EARLIER_NAMES.get(name)).singleResult();
        if (earlier != null) {
            filter = earlier.setName(name).setProperties(Map.of("description", description, "priority", priority, "refresh", true));
            filters.saveFilter(filter);
            LOG.info("Renamed Tasklist filter '{}' to '{}'", EARLIER_NAMES.get(name), name);
        }
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
