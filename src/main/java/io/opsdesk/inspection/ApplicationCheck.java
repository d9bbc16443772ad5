package io.opsdesk.inspection;

import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/** APPLICATION targets: one HTTP request; wrong status or body fails, a slow answer warns. */
@Component
class ApplicationCheck implements Check {

    private static final int EVIDENCE_BODY = 1000;

    private final HttpProbe http;

    ApplicationCheck(HttpProbe http) {
        this.http = http;
    }

    @Override
    public TargetKind kind() {
        return TargetKind.APPLICATION;
    }

    @Override
    public CheckResult check(InspectionTarget target) {
        ApplicationSettings settings = target.getApplication();
        String request = settings.getMethod().toUpperCase(java.util.Locale.ROOT) + " " + Redaction.url(settings.getUrl());
        HttpProbe.Response response;
        try {
            response = http.send(settings.getUrl(), settings.getMethod(), settings.getTimeout());
        } catch (HttpTimeoutException e) {
            return CheckResult.failed(target, "unreachable", request + " got no answer within " + settings.getTimeout().toMillis() + " ms", e);
        } catch (Exception e) {
            ActuatorProbe.interruptAgain(e);
            return CheckResult.failed(target, "unreachable", request + " failed", e);
        }

        String evidence = request + " → HTTP " + response.status() + " in " + response.latencyMs() + " ms\n"
                + (response.body().length() > EVIDENCE_BODY ? response.body().substring(0, EVIDENCE_BODY) + " …" : response.body());
        List<Finding> findings = new ArrayList<>();
        CheckStatus status = CheckStatus.OK;
        List<String> problems = new ArrayList<>();
        if (response.status() != settings.getExpectedStatus()) {
            status = CheckStatus.FAILED;
            problems.add("HTTP " + response.status() + " instead of " + settings.getExpectedStatus());
            findings.add(Finding.of(target, "status", target.getName() + ": " + problems.get(problems.size() - 1), evidence));
        }
        String expectedBody = settings.getExpectedBody();
        if (expectedBody != null && !expectedBody.isEmpty() && !response.body().contains(expectedBody)) {
            status = CheckStatus.FAILED;
            problems.add("the body does not contain " + expectedBody);
            findings.add(Finding.of(target, "body", target.getName() + ": " + problems.get(problems.size() - 1), evidence));
        }
        if (response.latencyMs() > settings.getMaxLatency().toMillis()) {
            status = status.worst(CheckStatus.WARNING);
            problems.add("slow: " + response.latencyMs() + " ms (maximum " + settings.getMaxLatency().toMillis() + " ms)");
            findings.add(Finding.of(target, "latency", target.getName() + ": " + problems.get(problems.size() - 1), evidence));
        }
        String message = problems.isEmpty()
                ? request + " answered HTTP " + response.status() + " in " + response.latencyMs() + " ms"
                : request + ": " + String.join("; ", problems);
        return new CheckResult(target.getName(), target.getKind(), status, (double) response.status(), response.latencyMs(), message, findings);
    }
}
