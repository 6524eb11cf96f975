package com.mediscan.consultation.ui;

import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One background thread that runs the consultations' timed updates at the moment each is due, such
 * as the next minute of a patient's wait. Nothing runs on a fixed beat: an open consultation with
 * nothing due costs no thread time (the call's duration counts in the browser, see {@link CallHeader}).
 */
@Component
class CallScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CallScheduler.class);

    private final Clock clock;
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "call-scheduler");
        thread.setDaemon(true);
        return thread;
    });

    CallScheduler(Clock clock) {
        this.clock = clock;
        // A consultation that closes cancels what it had scheduled: do not keep it queued until its time.
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Runs the task once at {@code due} (at once if that has passed), unless the registration is removed first. */
    Registration at(Instant due, Runnable task) {
        long delay = Math.max(0, Duration.between(clock.instant(), due).toMillis());
        ScheduledFuture<?> scheduled = executor.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException failure) {
                log.debug("A scheduled consultation update failed", failure);
            }
        }, delay, TimeUnit.MILLISECONDS);
        return () -> scheduled.cancel(false);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
