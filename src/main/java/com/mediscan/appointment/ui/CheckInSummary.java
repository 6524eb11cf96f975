package com.mediscan.appointment.ui;

import com.mediscan.appointment.service.CheckInService;
import com.mediscan.appointment.service.CheckInStatus;
import com.mediscan.consultation.service.RoomBus;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/**
 * What the waiting patient told at check-in, on the doctor's side of the room: consent ✓ (with its
 * version), identity ✓, where they are, the updated reason and the call-back number. Follows the
 * room's events itself, so it updates when the patient finishes checking in.
 */
public class CheckInSummary extends Div {

    private final long appointmentId;
    private final CheckInService checkIns;
    private final RoomBus roomBus;
    private RoomWatch watch;

    final Span consent = new Span();
    final Span identity = new Span();
    final Span location = new Span();
    final Span updatedReason = new Span();
    final Span callbackPhone = new Span();

    CheckInSummary(long appointmentId, CheckInService checkIns, RoomBus roomBus) {
        this.appointmentId = appointmentId;
        this.checkIns = checkIns;
        this.roomBus = roomBus;
        addClassName("check-in-summary");
        getElement().setAttribute("aria-label", "Check-in");
        getElement().setAttribute("role", "group");
        add(consent, identity, location, updatedReason, callbackPhone);
        refresh();
    }

    void refresh() {
        CheckInStatus status = checkIns.status(appointmentId);
        if (status.locked()) {
            consent.setText("Check-in locked after wrong dates of birth");
            identity.setText("Identity not confirmed");
            hideDetails();
            return;
        }
        if (!status.completed()) {
            consent.setText("Not checked in yet");
            identity.setText("");
            hideDetails();
            return;
        }
        consent.setText(status.consentToAgree() == null
                ? "Consent ✓ (version " + status.consentVersionNumber() + ")" : "Consent to the new version pending");
        identity.setText(status.identityConfirmed() ? "Identity ✓" : "Identity not confirmed");
        location.setText("Location: " + status.location() + (status.locationDetail() == null ? "" : " · " + status.locationDetail()));
        location.setVisible(true);
        updatedReason.setText("Updated reason: " + status.updatedReason());
        updatedReason.setVisible(status.updatedReason() != null);
        callbackPhone.setText("Call-back: " + status.callbackPhone());
        callbackPhone.setVisible(status.callbackPhone() != null);
    }

    private void hideDetails() {
        location.setVisible(false);
        updatedReason.setVisible(false);
        callbackPhone.setVisible(false);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        watch = new RoomWatch(roomBus, attachEvent.getUI(), this::refresh);
        watch.watch(List.of(appointmentId));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        RoomWatch.close(watch);
        watch = null;
        super.onDetach(detachEvent);
    }
}
