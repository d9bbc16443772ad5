package io.opsdesk.report;

/** Percentiles by nearest rank: the smallest value such that at least p % of the values are not greater. */
final class Percentiles {

    private Percentiles() {
    }

    /** The p-th percentile (0 < p ≤ 100) of values sorted ascending; null when there are none. */
    static Long nearestRank(long[] sorted, int p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }
}
