package com.mediscan.appointment.service;

import java.time.Instant;

/**
 * One patient's latest telehealth consent, for administrators. {@code versionNumber}, {@code agreedAt}
 * and {@code agreedFrom} are null for a patient who never agreed; {@code current} says whether the
 * agreement is to the version in force.
 */
public record PatientConsent(long patientAccountId, String patientName, String email, Integer versionNumber,
                             Instant agreedAt, String agreedFrom, boolean current) {
}
