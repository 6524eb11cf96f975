package com.mediscan.prescription.service;

import com.mediscan.account.domain.PatientProfile;
import java.util.List;

/** A patient and the consultations of their record that the asker may see, newest first. */
public record PatientRecord(PatientProfile patient, List<ConsultationRecord> consultations) {
}
