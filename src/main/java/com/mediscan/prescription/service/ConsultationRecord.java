package com.mediscan.prescription.service;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.prescription.domain.Prescription;
import com.mediscan.prescription.domain.PrescriptionStatus;
import java.util.List;
import java.util.Optional;

/** One consultation as it stands in the patient's record: the appointment and its signed prescriptions, newest first. */
public record ConsultationRecord(Appointment appointment, List<Prescription> prescriptions) {

    /** The version in force, if one was issued. */
    public Optional<Prescription> currentPrescription() {
        return prescriptions.stream().filter(p -> p.getStatus() == PrescriptionStatus.ISSUED).findFirst();
    }
}
