package com.mediscan.consultation.service;

import java.util.function.Consumer;

/**
 * Relays room events between the views open on one appointment: in-process on one node; the
 * PostgreSQL LISTEN/NOTIFY implementation lets several nodes share rooms without
 * touching the views. Listeners are called on the publisher's thread and must hand work to
 * their UI with {@code ui.access(...)}.
 */
public interface RoomBus {

    /** Starts delivering the room's events to the listener; closing the handle stops it. */
    AutoCloseable subscribe(long appointmentId, Consumer<RoomEvent> listener);

    void publish(RoomEvent event);

    /**
     * Delivers to this node's listeners only: for an event whose one recipient window this node serves
     * (a call signal), which other nodes would only decode and drop.
     */
    default void publishOnThisNode(RoomEvent event) {
        publish(event);
    }
}
