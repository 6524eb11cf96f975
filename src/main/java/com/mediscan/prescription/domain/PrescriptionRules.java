package com.mediscan.prescription.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What makes a prescription complete enough to issue. The form shows these messages beside its
 * fields as the doctor writes, and the service checks the same rules again before signing.
 */
public final class PrescriptionRules {

    public static final int MAX_MEDICATIONS = 20;
    /** How far ahead a follow-up may be booked from the prescription. */
    public static final int FOLLOW_UP_MAX_YEARS = 2;

    /** A field that needs attention, with a message for the doctor; field names as {@link #field} builds them. */
    public record Problem(String field, String message) {
    }

    public static final String DIAGNOSIS = "diagnosis";
    public static final String NOTES = "notes";
    public static final String FOLLOW_UP = "followUpOn";
    public static final String MEDICATIONS = "medications";
    public static final String MEDICINE = "medicine";
    public static final String DOSE = "dose";
    public static final String ROUTE = "route";
    public static final String FREQUENCY = "frequency";
    public static final String DURATION = "duration";
    public static final String QUANTITY = "quantity";
    public static final String DIRECTIONS = "directions";

    private PrescriptionRules() {
    }

    /** The name of one field of the medication at {@code index} (0-based), for example "medications[1].dose". */
    public static String field(int index, String part) {
        return MEDICATIONS + "[" + index + "]." + part;
    }

    /**
     * Everything that keeps the content from being issued. {@code today} is the clinic's date;
     * a follow-up on the day before is still accepted, since the doctor's own date may lag behind it.
     */
    public static List<Problem> check(PrescriptionContent content, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (content.diagnosis() == null) {
            problems.add(new Problem(DIAGNOSIS, "Enter a diagnosis."));
        } else {
            tooLong(problems, DIAGNOSIS, "The diagnosis", content.diagnosis(), Prescription.DIAGNOSIS_MAX);
        }
        tooLong(problems, NOTES, "The consultation notes", content.notes(), Prescription.NOTES_MAX);
        if (content.followUpOn() != null) {
            if (content.followUpOn().isBefore(today.minusDays(1))) {
                problems.add(new Problem(FOLLOW_UP, "The follow-up date cannot be in the past."));
            } else if (content.followUpOn().isAfter(today.plusYears(FOLLOW_UP_MAX_YEARS))) {
                problems.add(new Problem(FOLLOW_UP, "Choose a follow-up date within " + FOLLOW_UP_MAX_YEARS + " years."));
            }
        }
        List<MedicationLine> medications = content.medications().stream().filter(line -> !line.isEmpty()).toList();
        if (medications.isEmpty()) {
            problems.add(new Problem(MEDICATIONS, "Add at least one medication."));
        } else if (medications.size() > MAX_MEDICATIONS) {
            problems.add(new Problem(MEDICATIONS, "A prescription can hold at most " + MAX_MEDICATIONS + " medications."));
        }
        Set<String> namesSeen = new HashSet<>();
        for (int index = 0; index < content.medications().size(); index++) {
            MedicationLine line = content.medications().get(index);
            if (line.isEmpty()) {
                continue;
            }
            checkLine(problems, index, line);
            if (line.medicine() != null && !namesSeen.add(line.medicine().toLowerCase(Locale.ROOT))) {
                problems.add(new Problem(field(index, MEDICINE), line.medicine() + " is already on this prescription."));
            }
        }
        return problems;
    }

    private static void checkLine(List<Problem> problems, int index, MedicationLine line) {
        required(problems, field(index, MEDICINE), line.medicine(), "Enter the medicine's name.");
        required(problems, field(index, DOSE), line.dose(), "Enter the strength or dose, for example 5 mg.");
        required(problems, field(index, ROUTE), line.route(), "Choose how it is taken, for example Oral.");
        required(problems, field(index, FREQUENCY), line.frequency(), "Enter how often, for example Once daily.");
        required(problems, field(index, DURATION), line.duration(), "Enter for how long, for example 30 days.");
        tooLong(problems, field(index, MEDICINE), "The medicine's name", line.medicine(), PrescriptionItem.MEDICINE_MAX);
        tooLong(problems, field(index, DOSE), "The dose", line.dose(), PrescriptionItem.DOSE_MAX);
        tooLong(problems, field(index, ROUTE), "The route", line.route(), PrescriptionItem.ROUTE_MAX);
        tooLong(problems, field(index, FREQUENCY), "The frequency", line.frequency(), PrescriptionItem.FREQUENCY_MAX);
        tooLong(problems, field(index, DURATION), "The duration", line.duration(), PrescriptionItem.DURATION_MAX);
        tooLong(problems, field(index, QUANTITY), "The quantity", line.quantity(), PrescriptionItem.QUANTITY_MAX);
        tooLong(problems, field(index, DIRECTIONS), "The directions", line.directions(), PrescriptionItem.DIRECTIONS_MAX);
    }

    private static void required(List<Problem> problems, String field, String value, String message) {
        if (value == null) {
            problems.add(new Problem(field, message));
        }
    }

    private static void tooLong(List<Problem> problems, String field, String what, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(new Problem(field, what + " can be at most " + max + " characters long."));
        }
    }

    /** Content that fits the columns, for a draft: what the doctor typed, cut at each column's size. */
    public static PrescriptionContent fitted(PrescriptionContent content) {
        List<MedicationLine> lines = content.medications().stream().limit(MAX_MEDICATIONS)
                .map(line -> new MedicationLine(cut(line.medicine(), PrescriptionItem.MEDICINE_MAX),
                        cut(line.dose(), PrescriptionItem.DOSE_MAX), cut(line.route(), PrescriptionItem.ROUTE_MAX),
                        cut(line.frequency(), PrescriptionItem.FREQUENCY_MAX), cut(line.duration(), PrescriptionItem.DURATION_MAX),
                        cut(line.quantity(), PrescriptionItem.QUANTITY_MAX), cut(line.directions(), PrescriptionItem.DIRECTIONS_MAX)))
                .toList();
        return new PrescriptionContent(cut(content.diagnosis(), Prescription.DIAGNOSIS_MAX), cut(content.notes(), Prescription.NOTES_MAX),
                content.followUpOn(), lines);
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
