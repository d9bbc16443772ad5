package io.opsdesk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with the {@code test} profile: in-memory H2, the job
 * executor off (tests run jobs with {@code execute(job())}), and a GreenMail SMTP server and three team-chat
 * robots ({@link TestChatRobots}) as the only outside world. All test classes share one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({TestMailServer.class, TestChatRobots.class})
public @interface OpsDeskTest {
}
