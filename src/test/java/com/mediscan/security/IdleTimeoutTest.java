package com.mediscan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.security.IdleTimeout.Stage;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdleTimeoutTest {

    private final Instant lastActivity = Instant.parse("2026-11-25T09:00:00Z");
    private final LoginThrottleTest.MutableClock clock = new LoginThrottleTest.MutableClock(lastActivity);
    private final IdleTimeout idle = new IdleTimeout(clock, Duration.ofMinutes(15), Duration.ofMinutes(1));

    @Test
    void warnsAMinuteBeforeAndSignsOutAfterFifteenIdleMinutes() {
        clock.advance(Duration.ofMinutes(13).plusSeconds(59));
        IdleTimeout.Decision active = idle.decide(lastActivity, false);
        assertThat(active.stage()).isEqualTo(Stage.ACTIVE);
        assertThat(active.changesAt()).as("the warning is due").isEqualTo(lastActivity.plus(Duration.ofMinutes(14)));

        clock.advance(Duration.ofSeconds(1));
        IdleTimeout.Decision warning = idle.decide(lastActivity, false);
        assertThat(warning.stage()).isEqualTo(Stage.WARNING);
        assertThat(warning.signOutAt()).isEqualTo(lastActivity.plus(Duration.ofMinutes(15)));
        assertThat(warning.changesAt()).isEqualTo(warning.signOutAt());

        clock.advance(Duration.ofSeconds(59));
        assertThat(idle.decide(lastActivity, false).stage()).isEqualTo(Stage.WARNING);
        clock.advance(Duration.ofSeconds(1));
        assertThat(idle.decide(lastActivity, false).stage()).isEqualTo(Stage.EXPIRED);
    }

    @Test
    void activityStartsTheTimeAgain() {
        clock.advance(Duration.ofMinutes(20));
        Instant recentActivity = clock.instant().minus(Duration.ofMinutes(2));
        assertThat(idle.decide(recentActivity, false).stage()).isEqualTo(Stage.ACTIVE);
    }

    @Test
    void neverDuringACall() {
        clock.advance(Duration.ofHours(2));
        IdleTimeout.Decision inCall = idle.decide(lastActivity, true);
        assertThat(inCall.stage()).isEqualTo(Stage.ACTIVE);
        assertThat(inCall.signOutAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(inCall.changesAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(14)));
    }

    @Test
    void theWarningMustComeBeforeTheTimeout() {
        assertThatThrownBy(() -> new IdleTimeout(clock, Duration.ofMinutes(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
