package com.mediscan.consultation.service;

import java.util.function.Consumer;

/**
 * Relays room events between the views open on one appointment. In-process by default; a
 * PostgreSQL LISTEN/NOTIFY implementation can later let several nodes share rooms without
 * touching the views. Listeners are called on the publisher's thread and must hand work to
 * their UI with {@code ui.access(...)}.
 */
public interface RoomBus {

    /** Starts delivering the room's events to the listener; closing the handle stops it. */
    AutoCloseable subscribe(long appointmentId, Consumer<RoomEvent> listener);

    void publish(RoomEvent event);
}
