package com.mediscan.appointment.service;

import com.mediscan.appointment.domain.Appointment;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a consultation may be entered: from a configurable time before the start until the
 * appointment is completed, cancelled or marked no-show.
 */
@Component
public class JoinWindow {

    private final Duration openBeforeStart;

    public JoinWindow(@Value("${mediscan.call.join-before-start:PT15M}") Duration openBeforeStart) {
        this.openBeforeStart = openBeforeStart;
    }

    public boolean isOpen(Appointment appointment, Instant now) {
        return whyClosed(appointment, now).isEmpty();
    }

    public Instant opensAt(Appointment appointment) {
        return appointment.getStartsAt().minus(openBeforeStart);
    }

    /** Why the call cannot be joined now, for a refusal or a disabled button's tooltip; empty when it can. */
    public Optional<String> whyClosed(Appointment appointment, Instant now) {
        return Optional.ofNullable(switch (appointment.getStatus()) {
            case COMPLETED -> "This consultation has ended.";
            case CANCELLED -> "This appointment was cancelled.";
            case NO_SHOW -> "This appointment was marked as a no-show.";
            case SCHEDULED, WAITING, IN_PROGRESS -> now.isBefore(opensAt(appointment))
                    ? "The call opens " + openBeforeStart.toMinutes() + " minutes before the appointment starts."
                    : null;
        });
    }

    public Duration openBeforeStart() {
        return openBeforeStart;
    }
}
