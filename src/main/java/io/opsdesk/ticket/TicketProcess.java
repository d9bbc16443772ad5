package io.opsdesk.ticket;

import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * What a ticket needs from the process that runs it: to start, and to hear the customer. The support-ticket
 * process ({@code ticket/process}) implements it, so the ticket itself knows no element or message names.
 */
public interface TicketProcess {

    /** Starts the ticket's process, in the caller's transaction. */
    ProcessInstance start(Ticket ticket);

    /** The customer answered a waiting ticket's question. */
    void customerReplied(String key, String message);

    /** The customer accepted or rejected the delivery, with an optional comment. */
    void customerAnswered(String key, boolean accepted, String comment);
}
