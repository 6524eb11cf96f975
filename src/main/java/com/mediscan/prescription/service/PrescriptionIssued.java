package com.mediscan.prescription.service;

import com.mediscan.consultation.service.RoomEvent;

/** Published to the appointment's room once a prescription version is signed, so the patient learns of it during the call. */
public record PrescriptionIssued(long appointmentId, long senderAccountId, long prescriptionId, int versionNumber,
                                 String doctorName) implements RoomEvent {

    /** What the patient is told, for example "Dr. Rajesh Patel issued a prescription." */
    public String announcement() {
        return versionNumber == 1
                ? doctorName + " issued a prescription. You can find it under My Records."
                : doctorName + " issued a corrected prescription (version " + versionNumber + "). You can find it under My Records.";
    }
}
