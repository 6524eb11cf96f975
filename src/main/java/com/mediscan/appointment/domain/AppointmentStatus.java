package com.mediscan.appointment.domain;

import java.util.EnumSet;
import java.util.Set;

/** SCHEDULED → WAITING → IN_PROGRESS → COMPLETED, with CANCELLED and NO_SHOW as other endings. */
public enum AppointmentStatus {
    SCHEDULED,
    WAITING,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED,
    NO_SHOW;

    private Set<AppointmentStatus> next() {
        return switch (this) {
            case SCHEDULED -> EnumSet.of(WAITING, IN_PROGRESS, CANCELLED, NO_SHOW);
            // A patient may leave the waiting room again before the doctor arrives.
            case WAITING -> EnumSet.of(SCHEDULED, IN_PROGRESS, CANCELLED, NO_SHOW);
            case IN_PROGRESS -> EnumSet.of(COMPLETED);
            case COMPLETED, CANCELLED, NO_SHOW -> EnumSet.noneOf(AppointmentStatus.class);
        };
    }

    public boolean canMoveTo(AppointmentStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /** Whether an appointment in this status still holds its slot and may still take place. */
    public boolean isOpen() {
        return this == SCHEDULED || this == WAITING || this == IN_PROGRESS;
    }

    /** Completes "This appointment …", for refusals. */
    public String describe() {
        return switch (this) {
            case SCHEDULED -> "is scheduled";
            case WAITING -> "has its patient in the waiting room";
            case IN_PROGRESS -> "is in progress";
            case COMPLETED -> "is completed";
            case CANCELLED -> "was cancelled";
            case NO_SHOW -> "was marked as a no-show";
        };
    }

    /** Completes "… cannot be …", for refusals. */
    public String asTarget() {
        return switch (this) {
            case SCHEDULED -> "set back to scheduled";
            case WAITING -> "moved to the waiting room";
            case IN_PROGRESS -> "started";
            case COMPLETED -> "completed";
            case CANCELLED -> "cancelled";
            case NO_SHOW -> "marked as a no-show";
        };
    }

    public String label() {
        return switch (this) {
            case SCHEDULED -> "Scheduled";
            case WAITING -> "Patient waiting";
            case IN_PROGRESS -> "In progress";
            case COMPLETED -> "Completed";
            case CANCELLED -> "Cancelled";
            case NO_SHOW -> "No-show";
        };
    }
}
