package com.mediscan.appointment.ui;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.service.CheckInService;
import com.mediscan.appointment.service.Places;
import com.mediscan.appointment.service.TelehealthConsentService;
import com.mediscan.consultation.service.RoomBus;
import com.mediscan.security.CurrentUser;
import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * Makes the check-in parts of the consultation page: the patient's steps before the check before
 * joining, and the doctor's summary of what the waiting patient told. The consultation view injects
 * this, as it does the chat and prescription factories.
 */
@org.springframework.stereotype.Component
public class CheckInComponents {

    private final CheckInService checkIns;
    private final TelehealthConsentService consent;
    private final Places places;
    private final RoomBus roomBus;
    private final CurrentUser currentUser;

    public CheckInComponents(CheckInService checkIns, TelehealthConsentService consent, Places places, RoomBus roomBus,
                             CurrentUser currentUser) {
        this.checkIns = checkIns;
        this.consent = consent;
        this.places = places;
        this.roomBus = roomBus;
        this.currentUser = currentUser;
    }

    /**
     * The steps the signed-in patient still has to take before joining; empty for the doctor and for a
     * patient who has checked in (a reload or a new window does not ask again). {@code onReady} runs
     * once the steps are done.
     */
    public Optional<Component> stepsFor(Appointment appointment, Runnable onReady) {
        if (!appointment.getPatient().getAccount().getId().equals(currentUser.require().accountId())
                || checkIns.status(appointment.getId()).ready()) {
            return Optional.empty();
        }
        return Optional.of(new CheckInSteps(appointment, checkIns, consent, places, onReady));
    }

    /** For the doctor's waiting panel: consent, identity, location and updated reason of the patient. */
    public Component summaryFor(long appointmentId) {
        return new CheckInSummary(appointmentId, checkIns, roomBus);
    }
}
