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
