package com.mediscan.consultation.service;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket for one window's signals: a burst (an offer with its ICE candidates) may pass
 * at once, after that signals pass at a steady rate. Not thread-safe; the room guards it.
 */
final class SignalAllowance {

    private final int burst;
    private final double perSecond;
    private double tokens;
    private Instant refilledAt;

    SignalAllowance(int burst, double perSecond, Instant now) {
        this.burst = burst;
        this.perSecond = perSecond;
        this.tokens = burst;
        this.refilledAt = now;
    }

    boolean tryTake(Instant now) {
        if (now.isAfter(refilledAt)) {
            double elapsedSeconds = Duration.between(refilledAt, now).toNanos() / 1e9;
            tokens = Math.min(burst, tokens + elapsedSeconds * perSecond);
            refilledAt = now;
        }
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
