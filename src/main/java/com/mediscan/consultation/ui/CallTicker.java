package com.mediscan.consultation.ui;

import com.vaadin.flow.shared.Registration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** One background thread that ticks the call timers and waiting times of every open consultation. */
@Component
class CallTicker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CallTicker.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "call-ticker");
        thread.setDaemon(true);
        return thread;
    });

    /** Runs the task once a second until the registration is removed. */
    Registration everySecond(Runnable task) {
        ScheduledFuture<?> ticking = executor.scheduleAtFixedRate(() -> {
            try {
                task.run();
            } catch (RuntimeException failure) {
                // A failing tick must not cancel the schedule; the next one may succeed.
                log.debug("Call tick failed", failure);
            }
        }, 1, 1, TimeUnit.SECONDS);
        return () -> ticking.cancel(false);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
