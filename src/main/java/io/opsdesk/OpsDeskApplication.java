package io.opsdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OpsDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(OpsDeskApplication.class, args);
    }
}
