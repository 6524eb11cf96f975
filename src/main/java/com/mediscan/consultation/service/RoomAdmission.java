package com.mediscan.consultation.service;

import com.mediscan.appointment.domain.Appointment;

/**
 * Whether a participant may take a seat in an appointment's room now. {@link RoomRegistry#enter}
 * asks it before seating anyone, so no view can let a person into the call past it.
 */
public interface RoomAdmission {

    /** Returns when the participant may enter; otherwise throws a BusinessRuleException that says why. */
    void requireAdmitted(Appointment appointment, long accountId);
}
