package io.opsdesk.sla;

/** The escalation ladder of a clock: warning at 75 %, breach at 100 %, managers at 150 %. */
public enum SlaStep {
    WARNING(75, "warned_at"), BREACH(100, "breached_at"), ESCALATION(150, "escalated_at");

    private final int percent;
    private final String column;

    SlaStep(int percent, String column) {
        this.percent = percent;
        this.column = column;
    }

    public int percent() {
        return percent;
    }

    String column(SlaClock clock) {
        return clock.column() + "_" + column;
    }
}
