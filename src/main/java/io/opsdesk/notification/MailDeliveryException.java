package io.opsdesk.notification;

/** A mail could not be handed over; the job that sent it is retried and ends as an incident. */
public class MailDeliveryException extends RuntimeException {

    MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
