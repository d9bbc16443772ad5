package io.opsdesk.inspection;

/** Inspects targets of one kind. Never throws: whatever goes wrong is a FAILED result. */
public interface Check {

    TargetKind kind();

    CheckResult check(InspectionTarget target);
}
