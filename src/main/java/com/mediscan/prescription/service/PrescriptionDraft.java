package com.mediscan.prescription.service;

import com.mediscan.prescription.domain.Prescription;
import com.mediscan.prescription.domain.PrescriptionContent;
import java.time.Instant;

/**
 * What the doctor's form opens with: the saved draft, or else the issued version to correct, or
 * else an empty form. {@code versionNumber} is the version that saving will issue.
 */
public record PrescriptionDraft(PrescriptionContent content, int versionNumber, Instant savedAt, Prescription issued) {

    public boolean isCorrection() {
        return issued != null;
    }
}
