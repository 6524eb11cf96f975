package com.mediscan.appointment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;

/**
 * Has an open view look again at regular intervals, so call buttons enable themselves when the
 * join window opens and statuses changed elsewhere show up without a reload.
 */
final class AutoRefresh {

    static final Duration INTERVAL = Duration.ofSeconds(30);

    private AutoRefresh() {
    }

    static void whileAttached(Component view, Runnable refresh) {
        Registration[] polling = new Registration[1];
        view.addAttachListener(attach -> {
            attach.getUI().setPollInterval(Math.toIntExact(INTERVAL.toMillis()));
            polling[0] = attach.getUI().addPollListener(poll -> refresh.run());
        });
        view.addDetachListener(detach -> {
            if (polling[0] != null) {
                polling[0].remove();
                polling[0] = null;
            }
            detach.getUI().setPollInterval(-1);
        });
    }
}
