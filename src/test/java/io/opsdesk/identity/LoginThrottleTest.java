package io.opsdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.opsdesk.Http;
import io.opsdesk.OpsDeskTest;

/**
 * Password guessing is throttled per client address before any password is checked, and cannot lock a real
 * user out: the guesses come from other loopback addresses (127.0.0.2, 127.0.0.3) than the user's own.
 */
@OpsDeskTest
class LoginThrottleTest {

    @LocalServerPort
    int port;
    final IdentityService identity;

    LoginThrottleTest(IdentityService identity) {
        this.identity = identity;
    }
    @Value("${opsdesk.login-throttle.max-failures}")
    int maxFailures;

    @Test
    void fiftyWrongBasicLoginsFromOneAddressNeitherLockTheUserNorLetTheAddressGoOnGuessing() throws IOException {
        user("dora", "dora-secret-pw");
        int unauthorized = 0;
        int throttled = 0;
        String retryAfter = null;
        for (int i = 0; i < 50; i++) {
            Reply reply = get("127.0.0.2", "/engine-rest/task", Http.basic("dora", "guess" + i));
            if (reply.status() == 401) {
                unauthorized++;
            } else if (reply.status() == 429) {
                throttled++;
                retryAfter = reply.header("Retry-After");
            }
        }
        assertThat(unauthorized).isEqualTo(maxFailures);
        assertThat(throttled).isEqualTo(50 - maxFailures);
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 300L);
        // the right password from the guessing address is not even checked
        Reply blocked = get("127.0.0.2", "/api/tickets", Http.basic("dora", "dora-secret-pw"));
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.body()).contains("too many failed logins");

        // dora, from her own address, logs in at once: the account is not locked
        assertThat(get("127.0.0.1", "/engine-rest/task", Http.basic("dora", "dora-secret-pw")).status()).isEqualTo(200);
        assertThat(identity.checkPassword("dora", "dora-secret-pw")).isTrue();
    }

    @Test
    void theWebappLoginFormIsThrottledToo() throws IOException {
        user("emil", "emil-secret-pw");
        for (int i = 0; i < maxFailures; i++) {
            assertThat(login("127.0.0.3", "emil", "guess" + i).status()).isEqualTo(401);
        }
        Reply throttled = login("127.0.0.3", "emil", "emil-secret-pw");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isNotBlank();
        assertThat(login("127.0.0.1", "emil", "emil-secret-pw").status()).isEqualTo(200);
    }

    private void user(String id, String password) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setPassword(password);
            identity.saveUser(user);
            identity.createMembership(id, Groups.SUPPORT);
        }
    }

    /** the Tasklist login form's request: a CSRF cookie and header from a first GET, then the form */
    private Reply login(String from, String user, String password) throws IOException {
        Reply page = send(from, "GET /camunda/app/tasklist/default/ HTTP/1.1\r\n", "");
        String cookies = page.cookies();
        String csrf = cookies.replaceAll(".*XSRF-TOKEN=([^;]*).*", "$1");
        String form = "username=" + user + "&password=" + password;
        return send(from, "POST /camunda/api/admin/auth/user/default/login/tasklist HTTP/1.1\r\n"
                + "Cookie: " + cookies + "\r\nX-XSRF-TOKEN: " + csrf + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                + form.getBytes(StandardCharsets.UTF_8).length + "\r\n", form);
    }

    private Reply get(String from, String path, String authorization) throws IOException {
        return send(from, "GET " + path + " HTTP/1.1\r\nAuthorization: " + authorization + "\r\n", "");
    }

    /** HTTP/1.1 over a socket bound to the given local address, so the server sees that client address */
    private Reply send(String from, String head, String body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Host: localhost\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            return new Reply(response.toString(StandardCharsets.UTF_8));
        }
    }

    private record Reply(String raw) {
        int status() {
            return Integer.parseInt(raw.substring(9, 12));
        }

        String header(String name) {
            for (String line : raw.split("\r\n")) {
                if (line.isEmpty()) {
                    break;
                }
                if (line.regionMatches(true, 0, name + ":", 0, name.length() + 1)) {
                    return line.substring(name.length() + 1).trim();
                }
            }
            return null;
        }

        /** the cookies the response sets, as a Cookie header value */
        String cookies() {
            StringBuilder cookies = new StringBuilder();
            for (String line : raw.split("\r\n")) {
                if (line.isEmpty()) {
                    break;
                }
                if (line.regionMatches(true, 0, "Set-Cookie:", 0, 11)) {
                    cookies.append(cookies.isEmpty() ? "" : "; ").append(line.substring(11).trim().split(";")[0]);
                }
            }
            return cookies.toString();
        }

        String body() {
            int start = raw.indexOf("\r\n\r\n");
            return start < 0 ? "" : raw.substring(start + 4);
        }
    }
}
