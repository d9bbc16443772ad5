package io.opsdesk.engine;

import java.util.Map;
import java.util.Set;

/**
 * The form fields that a feature's completion guards read, by form id. The deployment guard refuses a
 * form that lacks one of them, so a form edited in the Modeler cannot silently stop delivering a value a
 * task listener needs.
 */
public interface FormContract {

    /** form id (the {@code id} of the .form JSON) → the field keys its task's listeners read */
    Map<String, Set<String>> requiredFields();

    /**
     * process key → variables a person may give when starting it besides its start form's fields (e.g. the
     * targets of an inspection run started from Tasklist's generic start form)
     */
    default Map<String, Set<String>> startVariables() {
        return Map.of();
    }
}
