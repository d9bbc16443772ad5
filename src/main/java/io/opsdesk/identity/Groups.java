package io.opsdesk.identity;

import java.util.List;

/** The staff groups; their ids are Camunda group ids and must stay alphanumeric (Camunda's whitelist). */
public final class Groups {

    public static final String SUPPORT = "support";
    public static final String DEVELOPMENT = "development";
    public static final String SUPERVISORS = "supervisors";
    public static final String MANAGERS = "managers";
    public static final String ADMIN = "camunda-admin";

    public static final List<String> STAFF = List.of(SUPPORT, DEVELOPMENT, SUPERVISORS, MANAGERS, ADMIN);

    /** Spring Security authority of a Camunda group. */
    public static String authority(String group) {
        return "GROUP_" + group;
    }

    /** Whether the caller logged in as a member of a staff group. */
    public static boolean isStaff(org.springframework.security.core.Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return false;
        }
        List<String> staff = STAFF.stream().map(Groups::authority).toList();
        return authentication.getAuthorities().stream()
                .anyMatch(granted -> staff.contains(granted.getAuthority()));
    }

    public static String[] staffAuthorities() {
        return STAFF.stream().map(Groups::authority).toArray(String[]::new);
    }

    private Groups() {
    }
}
