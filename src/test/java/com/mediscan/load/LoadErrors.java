package com.mediscan.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every error or disconnect of a run, counted by kind and printed as it happens (the first few of
 * each kind in full), so nothing fails quietly.
 */
final class LoadErrors {

    private static final int PRINTED_PER_KIND = 5;

    private final Map<String, LongAdder> byKind = new ConcurrentSkipListMap<>();
    private final Map<String, AtomicInteger> printed = new ConcurrentHashMap<>();

    void record(String kind, String who, String detail) {
        byKind.computeIfAbsent(kind, key -> new LongAdder()).increment();
        if (printed.computeIfAbsent(kind, key -> new AtomicInteger()).incrementAndGet() <= PRINTED_PER_KIND) {
            System.out.println("LOAD ERROR " + kind + " [" + who + "] " + PushFrames.abbreviated(detail == null ? "" : detail));
        }
    }

    long total() {
        return byKind.values().stream().mapToLong(LongAdder::sum).sum();
    }

    long count(String kind) {
        LongAdder adder = byKind.get(kind);
        return adder == null ? 0 : adder.sum();
    }

    Map<String, Long> byKind() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        byKind.forEach((kind, count) -> copy.put(kind, count.sum()));
        return copy;
    }
}
