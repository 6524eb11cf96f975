package com.mediscan.security;

import com.mediscan.account.domain.UserAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Locks an email address after repeated failed sign-ins. It counts by the typed address whether
 * or not an account exists, so a lock tells an attacker nothing about which accounts are real.
 */
@Component
public class LoginThrottle {

    private record Failures(int count, Instant lockedUntil) {
    }

    private final ConcurrentMap<String, Failures> failuresByEmail = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockDuration;

    public LoginThrottle(Clock clock,
                         @Value("${mediscan.login.max-failures:5}") int maxFailures,
                         @Value("${mediscan.login.lock-duration:PT15M}") Duration lockDuration) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockDuration = lockDuration;
    }

    public boolean isLocked(String email) {
        Failures failures = failuresByEmail.get(UserAccount.normalizeEmail(email));
        return failures != null && failures.lockedUntil() != null && clock.instant().isBefore(failures.lockedUntil());
    }

    public void recordFailure(String email) {
        failuresByEmail.compute(UserAccount.normalizeEmail(email), (key, previous) -> {
            Instant now = clock.instant();
            if (previous != null && previous.lockedUntil() != null && now.isBefore(previous.lockedUntil())) {
                return previous;
            }
            int count = previous == null || isExpiredLock(previous, now) ? 1 : previous.count() + 1;
            return new Failures(count, count >= maxFailures ? now.plus(lockDuration) : null);
        });
    }

    public void recordSuccess(String email) {
        failuresByEmail.remove(UserAccount.normalizeEmail(email));
    }

    public Duration lockDuration() {
        return lockDuration;
    }

    private static boolean isExpiredLock(Failures failures, Instant now) {
        return failures.lockedUntil() != null && !now.isBefore(failures.lockedUntil());
    }
}
