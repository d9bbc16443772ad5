package io.opsdesk.report;

import java.util.Arrays;

import io.opsdesk.report.OperationsReport.Durations;

/** Durations in seconds, in a growing array of primitives, for their median and 90th percentile. */
final class Seconds {

    private long[] values = new long[64];
    private int size;

    void add(long seconds) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = seconds;
    }

    Durations durations() {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        return new Durations(size, Percentiles.nearestRank(sorted, 50), Percentiles.nearestRank(sorted, 90));
    }
}
