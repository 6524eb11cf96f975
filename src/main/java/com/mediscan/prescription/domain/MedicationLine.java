package com.mediscan.prescription.domain;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * One medication as the doctor wrote it, possibly incomplete while it is a draft. Text is
 * stripped and blank text becomes null, so "nothing entered" has one representation.
 */
public record MedicationLine(String medicine, String dose, String route, String frequency, String duration,
                             String quantity, String directions) {

    public MedicationLine {
        medicine = PrescriptionContent.clean(medicine);
        dose = PrescriptionContent.clean(dose);
        route = PrescriptionContent.clean(route);
        frequency = PrescriptionContent.clean(frequency);
        duration = PrescriptionContent.clean(duration);
        quantity = PrescriptionContent.clean(quantity);
        directions = PrescriptionContent.clean(directions);
    }

    public static MedicationLine empty() {
        return new MedicationLine(null, null, null, null, null, null, null);
    }

    public boolean isEmpty() {
        return medicine == null && dose == null && route == null && frequency == null && duration == null
                && quantity == null && directions == null;
    }

    /** "5 mg · Oral · Once daily · 30 days", the way a pharmacist reads the line. */
    public String instructions() {
        return String.join(" · ", Stream.of(dose, route, frequency, duration)
                .filter(Objects::nonNull).toList());
    }
}
