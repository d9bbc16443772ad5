package io.opsdesk;

import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** A real SMTP server (GreenMail) for the test context; the application sends to it as to any server. */
@TestConfiguration(proxyBeanMethods = false)
public class TestMailServer {

    /** A free port chosen once per test JVM, so parallel builds on one machine do not collide on 3025. */
    public static final int SMTP_PORT = freePort();

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail greenMail() {
        return new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    @Bean
    DynamicPropertyRegistrar smtpPort() {
        return registry -> registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text/html part of a mail, decoded. */
    public static String html(MimeMessage message) {
        try {
            return part(message, "text/html");
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The text/plain part of a mail, decoded. */
    public static String text(MimeMessage message) {
        try {
            return part(message, "text/plain");
        } catch (MessagingException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(jakarta.mail.Part part, String type) throws MessagingException, java.io.IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = part(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The mails GreenMail received for one recipient, oldest first. */
    public static List<MimeMessage> mailsTo(GreenMail greenMail, String recipient) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> {
            try {
                Address[] to = message.getAllRecipients();
                return to != null && Arrays.stream(to).anyMatch(a -> a.toString().contains(recipient));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The newest mail GreenMail received for one recipient; there must be one. */
    public static MimeMessage lastMailTo(GreenMail greenMail, String recipient) {
        List<MimeMessage> mails = mailsTo(greenMail, recipient);
        if (mails.isEmpty()) {
            throw new AssertionError("no mail to " + recipient);
        }
        return mails.get(mails.size() - 1);
    }

    /** A mail's subject, decoded. */
    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
