package com.mediscan.prescription.ui;

import com.mediscan.prescription.service.CallPhase;
import com.mediscan.prescription.service.FormularyService;
import com.mediscan.prescription.service.PrescriptionService;
import org.springframework.stereotype.Component;

/**
 * Makes the doctor's prescription panel for one appointment. The service refuses anyone but the
 * appointment's doctor, so creating a panel for another user fails with NotFoundOrDeniedException.
 */
@Component
public class PrescriptionPanelFactory {

    private final PrescriptionService service;
    private final FormularyService formulary;

    public PrescriptionPanelFactory(PrescriptionService service, FormularyService formulary) {
        this.service = service;
        this.formulary = formulary;
    }

    /** For the consultation's side panel while the call goes on; ending the call completes the appointment. */
    public PrescriptionPanel create(long appointmentId) {
        return new PrescriptionPanel(service, formulary.entries(), appointmentId, CallPhase.DURING_CALL);
    }

    /** For writing or correcting from the record once the call is over; saving completes an appointment still in progress. */
    public PrescriptionPanel createAfterCall(long appointmentId) {
        return new PrescriptionPanel(service, formulary.entries(), appointmentId, CallPhase.AFTER_CALL);
    }
}
