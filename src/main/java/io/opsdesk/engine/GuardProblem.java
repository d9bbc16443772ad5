package io.opsdesk.engine;

import java.util.List;

import org.camunda.bpm.engine.Problem;

/** One thing the deployment guard refuses, where it is and which rule it breaks. */
record GuardProblem(String resource, String elementId, int line, String rule, String detail) implements Problem {

    @Override
    public String getMessage() {
        return resource + (elementId == null ? "" : " [" + elementId + "]") + ": " + detail + " (rule: " + rule + ")";
    }

    @Override
    public int getLine() {
        return line;
    }

    @Override
    public int getColumn() {
        return 0;
    }

    @Override
    public String getMainElementId() {
        return elementId;
    }

    @Override
    public List<String> getElementIds() {
        return elementId == null ? List.of() : List.of(elementId);
    }
}
