package io.opsdesk.sla;

/** The escalation ladder of a clock: warning at 75 %, breach at 100 %, managers at 150 %. */
public enum SlaStep {
    WARNING(75), BREACH(100), ESCALATION(150);

    private final int percent;

    SlaStep(int percent) {
        this.percent = percent;
    }

    public int percent() {
        return percent;
    }

    /** What the step means on the ticket's timeline. */
    public String describe(SlaClock clock) {
        return switch (this) {
            case WARNING -> "75 % of the " + clock.label() + " time used";
            case BREACH -> clock.label() + " SLA breached";
            case ESCALATION -> clock.label() + " SLA at 150 %, escalated to managers";
        };
    }
}
