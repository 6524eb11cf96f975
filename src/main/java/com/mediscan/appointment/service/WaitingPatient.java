package com.mediscan.appointment.service;

import java.time.Instant;

/**
 * A checked-in patient who is in the waiting room of one of the doctor's appointments now, with
 * what they told at check-in. {@code updatedReason} and {@code callbackPhone} may be null.
 */
public record WaitingPatient(long appointmentId, String patientName, Instant startsAt, Instant waitingSince,
                             Integer consentVersionNumber, boolean identityConfirmed, String place, String locationDetail,
                             String reason, String updatedReason, String callbackPhone) {
}
