package io.opsdesk.release;

import java.util.EnumSet;
import java.util.Set;

/** Where a release stands; the open ones hold their tickets, which no other release may include meanwhile. */
public enum ReleaseStatus {
    AWAITING_APPROVAL, SCHEDULED, DEPLOYING, VERIFYING, ROLLING_BACK, REJECTED, DELIVERED, ROLLED_BACK;

    public static final Set<ReleaseStatus> OPEN = EnumSet.of(AWAITING_APPROVAL, SCHEDULED, DEPLOYING, VERIFYING, ROLLING_BACK);

    public boolean isOpen() {
        return OPEN.contains(this);
    }
}
