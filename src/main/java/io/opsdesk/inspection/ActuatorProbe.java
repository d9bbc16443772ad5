package io.opsdesk.inspection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A remote SERVER target through its Spring Boot Actuator: {@code <actuator-url>/health} must answer
 * {@code "status":"UP"}, and each configured metric ({@code <actuator-url>/metrics/<name>}) must stay within
 * its limits.
 */
@Component
class ActuatorProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpProbe http;

    ActuatorProbe(HttpProbe http) {
        this.http = http;
    }

    CheckResult check(InspectionTarget target) {
        ServerSettings settings = target.getServer();
        String base = settings.getActuatorUrl().replaceAll("/+$", "");
        String healthUrl = base + "/health";
        String shownBase = Redaction.url(base);
        HttpProbe.Response health;
        try {
            health = http.send(healthUrl, "GET", settings.getTimeout());
        } catch (Exception e) {
            interruptAgain(e);
            return CheckResult.failed(target, "health", "GET " + shownBase + "/health" + " failed", e);
        }
        String state = healthStatus(health.body());
        if (!"UP".equals(state)) {
            String message = "health is " + (state == null ? "unknown (HTTP " + health.status() + ")" : state);
            return new CheckResult(target.getName(), target.getKind(), CheckStatus.FAILED, null, health.latencyMs(), message,
                    List.of(Finding.of(target, "health", target.getName() + ": " + message,
                            "GET " + shownBase + "/health" + " → HTTP " + health.status() + "\n" + health.body())));
        }

        CheckStatus status = CheckStatus.OK;
        List<Finding> findings = new ArrayList<>();
        List<String> measured = new ArrayList<>(List.of("health UP"));
        for (ServerSettings.Metric metric : settings.getMetrics()) {
            String url = base + "/metrics/" + metric.getName();
            try {
                HttpProbe.Response answer = http.send(url, "GET", settings.getTimeout());
                Double value = answer.status() == 200 ? metricValue(answer.body()) : null;
                if (value == null) {
                    status = status.worst(CheckStatus.WARNING);
                    findings.add(Finding.of(target, "metric:" + metric.getName(),
                            target.getName() + ": metric " + metric.getName() + " is not available",
                            "GET " + Redaction.url(url) + " → HTTP " + answer.status() + "\n" + answer.body()));
                    continue;
                }
                measured.add(metric.getName() + " " + number(value));
                boolean tooLow = metric.getMin() != null && value < metric.getMin();
                boolean tooHigh = metric.getMax() != null && value > metric.getMax();
                if (tooLow || tooHigh) {
                    status = status.worst(CheckStatus.WARNING);
                    String limit = tooLow ? "minimum " + number(metric.getMin()) : "maximum " + number(metric.getMax());
                    findings.add(Finding.of(target, "metric:" + metric.getName(), "%s: %s is %s (%s)".formatted(
                            target.getName(), metric.getName(), number(value), limit), "GET " + Redaction.url(url) + "\n" + answer.body()));
                }
            } catch (Exception e) {
                interruptAgain(e);
                status = status.worst(CheckStatus.WARNING);
                findings.add(Finding.of(target, "metric:" + metric.getName(),
                        target.getName() + ": metric " + metric.getName() + " could not be read", "GET " + Redaction.url(url) + "\n" + CheckResult.describe(e)));
            }
        }
        return new CheckResult(target.getName(), target.getKind(), status, null, health.latencyMs(), String.join(", ", measured), findings);
    }

    private static String healthStatus(String body) {
        try {
            JsonNode status = JSON.readTree(body).path("status");
            return status.isTextual() ? status.asText() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** The VALUE measurement of an Actuator metric, else its COUNT or TOTAL, else the first one. */
    private static Double metricValue(String body) {
        try {
            JsonNode measurements = JSON.readTree(body).path("measurements");
            JsonNode first = null;
            for (String statistic : List.of("VALUE", "COUNT", "TOTAL")) {
                for (JsonNode m : measurements) {
                    first = first == null ? m : first;
                    if (statistic.equals(m.path("statistic").asText())) {
                        return m.path("value").asDouble();
                    }
                }
            }
            return first != null && first.path("value").isNumber() ? first.path("value").asDouble() : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.3f", value);
    }

    static void interruptAgain(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
    }
}
