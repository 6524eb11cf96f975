package com.mediscan.appointment.service;

import com.mediscan.appointment.domain.ConsentVersion;
import java.time.Instant;

/**
 * Where one appointment's check-in stands. {@code consentToAgree} is the consent version the patient
 * still has to agree to (null once agreed); {@code location} reads like "Maharashtra, India".
 * The date of birth is never part of it.
 */
public record CheckInStatus(long appointmentId, ConsentVersion consentToAgree, boolean consentAvailable,
                            boolean identityConfirmed, boolean locked, int attemptsLeft, boolean completed,
                            Integer consentVersionNumber, String location, String locationDetail,
                            String updatedReason, String callbackPhone, Instant completedAt) {

    /** Nothing left to do: the patient may enter the call. */
    public boolean ready() {
        return consentToAgree == null && consentAvailable && completed && !locked;
    }
}
