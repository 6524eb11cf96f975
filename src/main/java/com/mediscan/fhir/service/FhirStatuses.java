package com.mediscan.fhir.service;

import com.mediscan.appointment.domain.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.Encounter;

/** MediScan's appointment lifecycle in FHIR's two status vocabularies. */
final class FhirStatuses {

    private FhirStatuses() {
    }

    static Appointment.AppointmentStatus appointment(AppointmentStatus status) {
        return switch (status) {
            case SCHEDULED -> Appointment.AppointmentStatus.BOOKED;
            case WAITING, IN_PROGRESS -> Appointment.AppointmentStatus.ARRIVED;
            case COMPLETED -> Appointment.AppointmentStatus.FULFILLED;
            case CANCELLED -> Appointment.AppointmentStatus.CANCELLED;
            case NO_SHOW -> Appointment.AppointmentStatus.NOSHOW;
        };
    }

    static Encounter.EncounterStatus encounter(AppointmentStatus status) {
        return switch (status) {
            case SCHEDULED -> Encounter.EncounterStatus.PLANNED;
            case WAITING -> Encounter.EncounterStatus.ARRIVED;
            case IN_PROGRESS -> Encounter.EncounterStatus.INPROGRESS;
            case COMPLETED -> Encounter.EncounterStatus.FINISHED;
            case CANCELLED, NO_SHOW -> Encounter.EncounterStatus.CANCELLED;
        };
    }
}
