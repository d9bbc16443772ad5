package io.opsdesk.release;

import io.opsdesk.engine.ProcessBean;
import io.opsdesk.release.ReleaseDeliveryProcess.Beans;

/** The release's status listeners, one bean per status (bean names in {@link Beans}). */
final class ReleaseStatusListeners {

    private ReleaseStatusListeners() {
    }

    @ProcessBean(Beans.DEPLOYING)
    static class Deploying extends ReleaseStatusListener {
        Deploying(ReleaseSteps steps) {
            super(steps, ReleaseStatus.DEPLOYING);
        }
    }

    @ProcessBean(Beans.VERIFYING)
    static class Verifying extends ReleaseStatusListener {
        Verifying(ReleaseSteps steps) {
            super(steps, ReleaseStatus.VERIFYING);
        }
    }

    @ProcessBean(Beans.ROLLING_BACK)
    static class RollingBack extends ReleaseStatusListener {
        RollingBack(ReleaseSteps steps) {
            super(steps, ReleaseStatus.ROLLING_BACK);
        }
    }

    @ProcessBean(Beans.DELIVERED)
    static class Delivered extends ReleaseStatusListener {
        Delivered(ReleaseSteps steps) {
            super(steps, ReleaseStatus.DELIVERED);
        }
    }

    @ProcessBean(Beans.ROLLED_BACK)
    static class RolledBack extends ReleaseStatusListener {
        RolledBack(ReleaseSteps steps) {
            super(steps, ReleaseStatus.ROLLED_BACK);
        }
    }
}
