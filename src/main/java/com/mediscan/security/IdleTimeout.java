package com.mediscan.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a session without activity is warned and signed out: after
 * {@code mediscan.session.idle-timeout} (15 minutes) without user activity, warned
 * {@code mediscan.session.idle-warning} (one minute) before, and never during a connected call.
 */
@Component
public class IdleTimeout {

    public enum Stage {
        ACTIVE,
        WARNING,
        EXPIRED
    }

    /**
     * What to do now, when the session will be signed out if nothing happens, and when, if nothing
     * happens, the stage changes (the warning is due, or the sign-out): nobody needs to look before then.
     */
    public record Decision(Stage stage, Instant signOutAt, Instant changesAt) {
    }

    private final Clock clock;
    private final Duration timeout;
    private final Duration warningBefore;

    public IdleTimeout(Clock clock,
                       @Value("${mediscan.session.idle-timeout:PT15M}") Duration timeout,
                       @Value("${mediscan.session.idle-warning:PT1M}") Duration warningBefore) {
        if (!warningBefore.isPositive() || warningBefore.compareTo(timeout) >= 0) {
            throw new IllegalArgumentException("mediscan.session.idle-warning must be positive and shorter than the idle timeout");
        }
        this.clock = clock;
        this.timeout = timeout;
        this.warningBefore = warningBefore;
    }

    public Decision decide(Instant lastActivity, boolean inCall) {
        Instant now = clock.instant();
        if (inCall) {
            return new Decision(Stage.ACTIVE, now.plus(timeout), now.plus(timeout).minus(warningBefore));
        }
        Instant signOutAt = lastActivity.plus(timeout);
        if (!now.isBefore(signOutAt)) {
            return new Decision(Stage.EXPIRED, signOutAt, signOutAt);
        }
        Instant warnAt = signOutAt.minus(warningBefore);
        if (!now.isBefore(warnAt)) {
            return new Decision(Stage.WARNING, signOutAt, signOutAt);
        }
        return new Decision(Stage.ACTIVE, signOutAt, warnAt);
    }

    public Duration timeout() {
        return timeout;
    }

    public Instant now() {
        return clock.instant();
    }
}
