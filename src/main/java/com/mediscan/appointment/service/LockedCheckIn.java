package com.mediscan.appointment.service;

import java.time.Instant;

/** A check-in locked by three wrong dates of birth, for the clinic to follow up. */
public record LockedCheckIn(long checkInId, long appointmentId, String patientName, String patientPhone,
                            String doctorName, Instant appointmentStartsAt, Instant lockedAt) {
}
