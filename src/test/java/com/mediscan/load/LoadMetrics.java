package com.mediscan.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** Latencies of one run, kept only while {@link #measuring} (the plateau), and counts of what was sent. */
final class LoadMetrics {

    enum Kind { CHAT, SIGNAL, TYPING, IN_HTTP_ANSWER }

    private final List<long[]> samples = new ArrayList<>();
    private final LongAdder[] sent = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};
    volatile boolean measuring;

    synchronized void record(Kind kind, long nanos) {
        if (measuring) {
            samples.add(new long[] {kind.ordinal(), nanos});
        }
    }

    void sent(Kind kind) {
        if (measuring) {
            sent[kind.ordinal()].increment();
        }
    }

    long sentCount(Kind kind) {
        return sent[kind.ordinal()].sum();
    }

    /** The latencies of one kind in the order they were recorded. */
    synchronized long[] inOrder(Kind kind) {
        return samples.stream().filter(sample -> sample[0] == kind.ordinal()).mapToLong(sample -> sample[1]).toArray();
    }

    synchronized Summary summary(Kind kind) {
        long[] values = inOrder(kind);
        Arrays.sort(values);
        return new Summary(values);
    }

    /** Sorted latencies in nanoseconds; percentiles by nearest rank, in milliseconds. */
    record Summary(long[] sortedNanos) {
        int count() {
            return sortedNanos.length;
        }

        double percentileMillis(double percentile) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(percentile / 100.0 * sortedNanos.length);
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
        }

        double maxMillis() {
            return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
        }

        @Override
        public String toString() {
            return Arrays.toString(sortedNanos);
        }
    }
}
