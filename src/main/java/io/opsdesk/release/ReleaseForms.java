package io.opsdesk.release;

import static io.opsdesk.release.ReleaseDeliveryProcess.Variables.*;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.opsdesk.engine.FormContract;
import io.opsdesk.release.ReleaseDeliveryProcess.DeploymentCheck;

/** The fields of the release forms that the start and the task listeners ({@link ReleaseForm}) read. */
@Component
class ReleaseForms implements FormContract {

    @Override
    public Map<String, Set<String>> requiredFields() {
        Set<String> deploy = new HashSet<>(Set.of(DEPLOYMENT_NOTES));
        Arrays.stream(DeploymentCheck.values()).map(Enum::name).forEach(deploy::add);
        return Map.of(
                "request-release", Set.of(VERSION, SUMMARY, TICKET_KEYS),
                "approve-release", Set.of(APPROVED, APPROVAL_COMMENT),
                "deploy-release", deploy,
                "verify-release", Set.of(VERIFIED, VERIFICATION_NOTES),
                "roll-back-release", Set.of(ROLLED_BACK, ROLLBACK_NOTES));
    }
}
