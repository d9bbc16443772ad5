package io.opsdesk.identity;

import static io.opsdesk.identity.Groups.DEVELOPMENT;
import static io.opsdesk.identity.Groups.MANAGERS;
import static io.opsdesk.identity.Groups.SUPERVISORS;
import static io.opsdesk.identity.Groups.SUPPORT;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.DELETE;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.READ_HISTORY;
import static org.camunda.bpm.engine.authorization.Permissions.READ_INSTANCE;
import static org.camunda.bpm.engine.authorization.Permissions.READ_TASK;
import static org.camunda.bpm.engine.authorization.Permissions.TASK_ASSIGN;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;

/**
 * The Camunda rights of the four staff groups, as data: least privilege. Nobody starts {@code support-ticket}
 * by hand (only the API, portal and mail intake do, as OpsDesk itself); each group starts only the processes of
 * its role; supervisors read and (re)assign every task but complete only their own; managers read instances and
 * deploy models but change no process variables. Rights on a task of one's own group come from Camunda's
 * candidate-group authorizations, not from here. {@link IdentityBootstrap} makes the database match this list
 * at every start: a right granted to these groups by hand in Camunda Admin is taken back.
 */
final class StaffAccess {

    /** One authorization: a group's permissions on a resource id ("*" for all of a type). */
    record Grant(String group, Resource resource, String resourceId, Permission... permissions) {
    }

    static final String SUPPORT_TICKET = "support-ticket";
    static final String DAILY_INSPECTION = "daily-inspection";
    static final String OPERATIONS_REPORT = "operations-report";
    static final String RELEASE_DELIVERY = "release-delivery";
    static final String PROBLEM = "problem";

    static final List<String> GROUPS = List.of(SUPPORT, DEVELOPMENT, SUPERVISORS, MANAGERS);

    private StaffAccess() {
    }

    static List<Grant> grants() {
        List<Grant> grants = new ArrayList<>();
        for (String group : GROUPS) {
            grants.add(new Grant(group, Resources.APPLICATION, "tasklist", ACCESS));
            grants.add(new Grant(group, Resources.USER, "*", READ));
            grants.add(new Grant(group, Resources.GROUP, "*", READ));
            grants.add(new Grant(group, Resources.DEPLOYMENT, "*", READ));
        }
        // who starts what by hand (Tasklist "Start process" or /engine-rest); CREATE on instances goes with it
        grants.add(new Grant(SUPPORT, Resources.PROCESS_DEFINITION, DAILY_INSPECTION, CREATE_INSTANCE));
        for (String group : List.of(SUPPORT, DEVELOPMENT, SUPERVISORS)) {
            grants.add(new Grant(group, Resources.PROCESS_DEFINITION, RELEASE_DELIVERY, CREATE_INSTANCE));
        }
        // problem records: support and developers record and work them (also "new" on a ticket's form, in their command)
        for (String group : List.of(SUPPORT, DEVELOPMENT)) {
            grants.add(new Grant(group, Resources.PROCESS_DEFINITION, PROBLEM, CREATE_INSTANCE));
        }
        for (String group : List.of(SUPERVISORS, MANAGERS)) {
            grants.add(new Grant(group, Resources.PROCESS_DEFINITION, OPERATIONS_REPORT, CREATE_INSTANCE));
        }
        for (String group : List.of(SUPPORT, DEVELOPMENT, SUPERVISORS, MANAGERS)) {
            grants.add(new Grant(group, Resources.PROCESS_INSTANCE, "*", CREATE));
        }
        // supervisors and managers see every running ticket and its history, for escalations and reports
        for (String group : List.of(SUPERVISORS, MANAGERS)) {
            grants.add(new Grant(group, Resources.APPLICATION, "cockpit", ACCESS));
            grants.add(new Grant(group, Resources.PROCESS_DEFINITION, "*", READ, READ_INSTANCE, READ_HISTORY, READ_TASK));
            grants.add(new Grant(group, Resources.PROCESS_INSTANCE, "*", READ));
            grants.add(new Grant(group, Resources.DECISION_DEFINITION, "*", READ, READ_HISTORY));
            grants.add(new Grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", READ));
        }
        for (String group : List.of(SUPPORT, DEVELOPMENT)) {
            grants.add(new Grant(group, Resources.PROCESS_DEFINITION, "*", READ));
        }
        grants.add(new Grant(SUPERVISORS, Resources.TASK, "*", READ, TASK_ASSIGN));
        grants.add(new Grant(MANAGERS, Resources.TASK, "*", READ));
        // managers change processes and decision tables: they deploy from the Modeler
        grants.add(new Grant(MANAGERS, Resources.DEPLOYMENT, "*", READ, CREATE, DELETE));
        return merge(grants);
    }

    /** one grant per group, resource and id, with the union of the permissions listed for it */
    private static List<Grant> merge(List<Grant> grants) {
        List<Grant> merged = new ArrayList<>();
        for (Grant grant : grants) {
            Grant same = merged.stream().filter(g -> g.group().equals(grant.group())
                    && g.resource().resourceType() == grant.resource().resourceType()
                    && g.resourceId().equals(grant.resourceId())).findFirst().orElse(null);
            if (same == null) {
                merged.add(grant);
            } else {
                List<Permission> all = new ArrayList<>(List.of(same.permissions()));
                for (Permission p : grant.permissions()) {
                    if (!all.contains(p)) {
                        all.add(p);
                    }
                }
                merged.set(merged.indexOf(same), new Grant(grant.group(), grant.resource(), grant.resourceId(),
                        all.toArray(Permission[]::new)));
            }
        }
        return merged;
    }
}
