package io.opsdesk.inbound;

import java.time.Duration;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;

/**
 * The support team's mailbox on a real IMAP server (GreenMail, a free port) for one test class:
 * {@code @RegisterExtension static TestMailbox mailbox = new TestMailbox("support@opsdesk.test", "support");}
 */
final class TestMailbox implements BeforeAllCallback, AfterAllCallback {

    static final String PASSWORD = "secret";

    private final String address;
    private final String login;
    private GreenMail imap;
    private GreenMailUser user;

    TestMailbox(String address, String login) {
        this.address = address;
        this.login = login;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        imap = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        imap.start();
        user = imap.setUser(address, login, PASSWORD);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        imap.stop();
    }

    String address() {
        return address;
    }

    String login() {
        return login;
    }

    int port() {
        return imap.getImap().getPort();
    }

    void deliver(MimeMessage mail) {
        user.deliver(mail);
    }

    /** A poller of this mailbox, as the scheduler would run it; tests call {@code poll()} themselves. */
    InboundMailPoller poller(InboundMailProcessor processor) {
        return new InboundMailPoller(properties(port()), processor);
    }

    InboundMailProperties properties(int port) {
        return new InboundMailProperties(true, "imap", "127.0.0.1", port, login, PASSWORD, "INBOX",
                Duration.ofMinutes(1), Duration.ofSeconds(5));
    }
}
