package io.opsdesk.inbound;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;

/**
 * Reads the unseen mails of one IMAP folder and hands each to {@link InboundMailProcessor}. A mail is
 * flagged \Seen only after its transaction committed (bodies are fetched with PEEK, so reading alone
 * does not flag it); a mail whose processing failed stays unseen and is tried again at the next poll.
 * An unreachable server is logged at WARN and counted, and the next poll simply tries again.
 */
class InboundMailPoller {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMailPoller.class);

    /** What one poll did. */
    record PollResult(boolean connected, int processed, int failed) {
    }

    private final InboundMailProperties properties;
    private final InboundMailProcessor processor;
    private final AtomicLong connectionFailures = new AtomicLong();
    private final AtomicLong messageFailures = new AtomicLong();

    InboundMailPoller(InboundMailProperties properties, InboundMailProcessor processor) {
        this.properties = properties;
        this.processor = processor;
    }

    synchronized PollResult poll() {
        LOG.debug("Inbound mail: poll started");
        try {
            return pollOnce();
        } finally {
            LOG.debug("Inbound mail: poll finished");
        }
    }

    private PollResult pollOnce() {
        Session session = Session.getInstance(sessionProperties());
        try (Store store = session.getStore(properties.protocol())) {
            store.connect(properties.host(), properties.port() == null ? -1 : properties.port(),
                    properties.username(), properties.password());
            Folder folder = store.getFolder(properties.folder());
            folder.open(Folder.READ_WRITE);
            try {
                return readUnseen(folder);
            } finally {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            long failures = connectionFailures.incrementAndGet();
            LOG.warn("Inbound mail: cannot read {} (failure {} so far), trying again at the next poll: {}",
                    properties.mailbox(), failures, reason(e));
            return new PollResult(false, 0, 0);
        }
    }

    /** Polls that could not reach or read the mailbox since start. */
    long connectionFailures() {
        return connectionFailures.get();
    }

    /** Mails whose processing failed (they stay unseen and are tried again). */
    long messageFailures() {
        return messageFailures.get();
    }

    private PollResult readUnseen(Folder folder) throws MessagingException {
        Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        int processed = 0;
        int failed = 0;
        for (Message message : unseen) {
            try {
                InboundMailProcessor.Result result = processor.process(InboundMailParser.parse((MimeMessage) message));
                message.setFlag(Flags.Flag.SEEN, true);
                processed++;
                LOG.debug("Inbound mail #{}: {} {}", message.getMessageNumber(), result.outcome(), result.ticketKey());
            } catch (Exception e) {
                failed++;
                messageFailures.incrementAndGet();
                LOG.warn("Inbound mail #{} in {} could not be processed and stays unseen for the next poll: {}",
                        message.getMessageNumber(), properties.mailbox(), reason(e), e);
            }
        }
        return new PollResult(true, processed, failed);
    }

    private Properties sessionProperties() {
        Properties mail = new Properties();
        String p = properties.protocol();
        long timeout = properties.timeout().toMillis();
        mail.put("mail." + p + ".peek", "true");
        mail.put("mail." + p + ".connectiontimeout", String.valueOf(timeout));
        mail.put("mail." + p + ".timeout", String.valueOf(timeout));
        mail.put("mail." + p + ".writetimeout", String.valueOf(timeout));
        if ("imaps".equals(p)) {
            mail.put("mail.imaps.ssl.checkserveridentity", "true");
        }
        return mail;
    }

    /** The exception chain's messages, for the log; the password is never part of them. */
    private static String reason(Throwable e) {
        StringBuilder reason = new StringBuilder();
        for (Throwable t = e; t != null && reason.length() < 500; t = t.getCause()) {
            reason.append(reason.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName())
                    .append(t.getMessage() == null ? "" : ": " + t.getMessage());
        }
        return reason.toString();
    }
}
