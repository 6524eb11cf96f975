package com.mediscan.appointment.ui;

import com.mediscan.appointment.service.CheckInCompleted;
import com.mediscan.consultation.service.PresenceChanged;
import com.mediscan.consultation.service.RoomBus;
import com.mediscan.consultation.service.RoomEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Listens to the rooms of some appointments for patients arriving, leaving and checking in, and
 * then refreshes a view in its UI as the view's own user: events arrive on the sender's thread,
 * which carries the sender's sign-in. Through {@link RoomBus}, so it hears other nodes' rooms once
 * the bus crosses nodes.
 */
final class RoomWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RoomWatch.class);

    private final RoomBus bus;
    private final UI ui;
    private final SecurityContext viewer;
    private final Runnable refresh;
    private final Map<Long, AutoCloseable> subscriptions = new HashMap<>();

    /** Refreshes in {@code ui}, as the user signed in on the calling thread. */
    RoomWatch(RoomBus bus, UI ui, Runnable refresh) {
        this.bus = bus;
        this.ui = ui;
        this.refresh = refresh;
        this.viewer = SecurityContextHolder.createEmptyContext();
        this.viewer.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
    }

    /** Listens to exactly these rooms from now on. */
    synchronized void watch(Collection<Long> appointmentIds) {
        Set<Long> wanted = Set.copyOf(appointmentIds);
        subscriptions.keySet().removeIf(id -> {
            if (wanted.contains(id)) {
                return false;
            }
            close(subscriptions.get(id));
            return true;
        });
        for (Long id : wanted) {
            subscriptions.computeIfAbsent(id, room -> bus.subscribe(room, this::heard));
        }
    }

    private void heard(RoomEvent event) {
        if (!(event instanceof PresenceChanged || event instanceof CheckInCompleted)) {
            return;
        }
        try {
            ui.access(() -> {
                SecurityContext previous = SecurityContextHolder.getContext();
                SecurityContextHolder.setContext(viewer);
                try {
                    refresh.run();
                } finally {
                    SecurityContextHolder.setContext(previous);
                }
            });
        } catch (UIDetachedException gone) {
            // The window closed while the event was on its way.
        }
    }

    @Override
    public synchronized void close() {
        subscriptions.values().forEach(RoomWatch::close);
        subscriptions.clear();
    }

    static void close(AutoCloseable subscription) {
        if (subscription == null) {
            return;
        }
        try {
            subscription.close();
        } catch (Exception failure) {
            log.debug("Closing a room subscription failed", failure);
        }
    }
}
