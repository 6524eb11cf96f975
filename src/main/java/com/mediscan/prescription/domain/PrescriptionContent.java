package com.mediscan.prescription.domain;

import java.time.LocalDate;
import java.util.List;

/** What a doctor writes on a prescription, draft or final; the same shape travels from form to record. */
public record PrescriptionContent(String diagnosis, String notes, LocalDate followUpOn, List<MedicationLine> medications) {

    public PrescriptionContent {
        diagnosis = clean(diagnosis);
        notes = clean(notes);
        medications = medications == null ? List.of() : List.copyOf(medications);
    }

    public static PrescriptionContent empty() {
        return new PrescriptionContent(null, null, null, List.of());
    }

    /** The same content without medication rows the doctor left blank. */
    public PrescriptionContent withoutEmptyMedications() {
        return new PrescriptionContent(diagnosis, notes, followUpOn, medications.stream().filter(line -> !line.isEmpty()).toList());
    }

    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
