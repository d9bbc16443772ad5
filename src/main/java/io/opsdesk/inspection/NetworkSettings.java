package io.opsdesk.inspection;

import java.time.Duration;

/** A NETWORK target: a TCP connect to host and port. */
public class NetworkSettings {

    private String host;
    private int port;
    /** No connection within this is a failure. */
    private Duration connectTimeout = Duration.ofSeconds(3);
    /** A connection slower than this is a warning. */
    private Duration maxLatency = Duration.ofMillis(500);

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getMaxLatency() {
        return maxLatency;
    }

    public void setMaxLatency(Duration maxLatency) {
        this.maxLatency = maxLatency;
    }
}
