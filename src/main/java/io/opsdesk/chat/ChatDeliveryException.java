package io.opsdesk.chat;

/** A robot did not take a message; the job that posted it is retried and ends as an incident in Cockpit. */
public class ChatDeliveryException extends RuntimeException {

    ChatDeliveryException(String message) {
        super(message);
    }

    ChatDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
