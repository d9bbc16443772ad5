package io.opsdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OpsDeskApplication {

    /**
     * Jakarta Mail looks its stream provider up through {@code ServiceLoader} for every message part it builds or
     * writes, scanning the jar's nested entries each time (a tenth of a ticket's start in the profile,
     * docs/performance.md); named here, it is loaded by class name instead.
     */
    static final String MAIL_STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // in the class's initialiser, not in main: tests and benchmarks start the application without main
        // (the SLA timer benchmark spent a tenth of its time in that lookup)
        if (System.getProperty(MAIL_STREAM_PROVIDER) == null) {
            System.setProperty(MAIL_STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    public static void main(String[] args) {
        SpringApplication.run(OpsDeskApplication.class, args);
    }
}
