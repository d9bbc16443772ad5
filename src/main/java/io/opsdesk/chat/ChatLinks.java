package io.opsdesk.chat;

/** Links staff follow from a chat message, on OpsDesk's address ({@code opsdesk.public-url}). */
public final class ChatLinks {

    private final String publicUrl;

    ChatLinks(String publicUrl) {
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** Tasklist's start page. */
    public String tasklist() {
        return publicUrl + "/camunda/app/tasklist/default/";
    }

    /** Tasklist's page of a task, e.g. {@code https://opsdesk.example/camunda/app/tasklist/default/#/?task=…}. */
    public String task(String taskId) {
        return tasklist() + "#/?task=" + taskId;
    }

    /** Cockpit's page of a process instance (supervisors and managers have Cockpit). */
    public String cockpit(String processInstanceId) {
        return publicUrl + "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId;
    }
}
