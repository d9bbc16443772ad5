package io.opsdesk.ticket;

/**
 * The validation rules of a new ticket, shared by the JSON API ({@link TicketApi}) and the customer
 * portal's form, so both channels accept exactly the same tickets.
 */
public final class TicketRules {

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 10000;
    public static final int SYSTEM_MAX = 100;
    public static final String SYSTEM_PATTERN = "[\\p{L}\\p{N} ._/-]+";
    public static final int NAME_MAX = 100;
    public static final int EMAIL_MAX = 254;
    public static final int ORGANIZATION_MAX = 200;
    public static final String LOCALES = "zh-CN|en";
    public static final int REPLY_MAX = 10000;
    public static final int ACCEPTANCE_COMMENT_MAX = 2000;

    private TicketRules() {
    }
}
