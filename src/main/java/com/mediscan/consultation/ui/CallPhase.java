package com.mediscan.consultation.ui;

/**
 * Where one participant's consultation page is: the check before joining, then in the room
 * (waiting for the other participant, connecting, connected, reconnecting), and at last ended
 * or taken over by a newer window of the same person. {@link CallState} decides the phase;
 * {@link ConsultationView#show} is the one place that shows each part of the page for it.
 */
enum CallPhase {
    CHECKING(""),
    WAITING("Waiting"),
    CONNECTING("Connecting…"),
    CONNECTED("Connected"),
    RECONNECTING("Reconnecting…"),
    ENDED(""),
    TAKEN_OVER("");

    private final String status;

    CallPhase(String status) {
        this.status = status;
    }

    /** What the header's connection status says in this phase (empty outside the room). */
    String status() {
        return status;
    }

    /** Holds a seat in the room: waiting, connecting, connected or reconnecting. */
    boolean inRoom() {
        return this == WAITING || this == CONNECTING || this == CONNECTED || this == RECONNECTING;
    }

    /** The page's call is over here, for good (ended) or in another window (taken over). */
    boolean isOver() {
        return this == ENDED || this == TAKEN_OVER;
    }

    /** The value of the page's {@code data-phase} attribute, for styles and tests. */
    String attribute() {
        return name().toLowerCase().replace('_', '-');
    }
}
