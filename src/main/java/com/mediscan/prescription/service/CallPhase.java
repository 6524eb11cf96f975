package com.mediscan.prescription.service;

/** Where the doctor signs a prescription: in the running call, or from the record once the call is over. */
public enum CallPhase {
    /** The call goes on; ending it completes the appointment. */
    DURING_CALL,
    /** The call is over: an appointment still in progress is completed along with the prescription. */
    AFTER_CALL
}
