package com.mediscan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofMinutes(15));

    @Test
    void locksAfterFiveFailuresForFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("Someone@Example.com");
        }
        assertThat(throttle.isLocked("someone@example.com")).isFalse();
        throttle.recordFailure("someone@example.com ");
        assertThat(throttle.isLocked("someone@example.com")).isTrue();

        clock.advance(Duration.ofMinutes(14));
        throttle.recordFailure("someone@example.com");
        assertThat(throttle.isLocked("someone@example.com")).as("a try during the lock does not extend it").isTrue();
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.isLocked("someone@example.com")).isFalse();
    }

    @Test
    void successClearsTheCount() {
        for (int i = 0; i < 4; i++) {
            throttle.recordFailure("a@b.com");
        }
        throttle.recordSuccess("a@b.com");
        throttle.recordFailure("a@b.com");
        assertThat(throttle.isLocked("a@b.com")).isFalse();
    }

    @Test
    void afterALockExpiresCountingStartsAgain() {
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("a@b.com");
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.recordFailure("a@b.com");
        assertThat(throttle.isLocked("a@b.com")).isFalse();
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
