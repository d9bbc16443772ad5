package io.opsdesk.inspection;

import java.time.Duration;

/** An APPLICATION target: one HTTP request, its status, body and latency. Redirects are not followed. */
public class ApplicationSettings {

    private String url;
    /** GET or HEAD. */
    private String method = "GET";
    private int expectedStatus = 200;
    /** Text the body must contain, e.g. {@code "status":"UP"}; unset: any body. */
    private String expectedBody;
    /** An answer slower than this is a warning. */
    private Duration maxLatency = Duration.ofSeconds(2);
    /** No answer within this is a failure. */
    private Duration timeout = Duration.ofSeconds(10);

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public int getExpectedStatus() {
        return expectedStatus;
    }

    public void setExpectedStatus(int expectedStatus) {
        this.expectedStatus = expectedStatus;
    }

    public String getExpectedBody() {
        return expectedBody;
    }

    public void setExpectedBody(String expectedBody) {
        this.expectedBody = expectedBody;
    }

    public Duration getMaxLatency() {
        return maxLatency;
    }

    public void setMaxLatency(Duration maxLatency) {
        this.maxLatency = maxLatency;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }
}
