package com.mediscan.appointment.ui;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.service.JoinWindow;
import com.mediscan.base.ui.ViewerTime;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.Instant;
import java.util.Optional;

/**
 * A button into an appointment's video consultation ({@value #CONSULTATION_ROUTE}{id}), enabled
 * only inside the join window; outside it the tooltip says why, and when it opens in the viewer's
 * time zone. Its text is the accessible name the browser tests use, so it stays exact.
 */
class CallButton extends Button {

    static final String CONSULTATION_ROUTE = "video-consultation/";
    static final String START_VIDEO_CALL = "Start Video Call";
    static final String JOIN_CALL = "Join Call";
    static final String JOIN_VIDEO_CALL = "Join Video Call";

    CallButton(String text, Appointment appointment, JoinWindow joinWindow, Instant now) {
        super(text, VaadinIcon.CAMERA.create());
        addClassName("call-button");
        addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        long appointmentId = appointment.getId();
        addClickListener(click -> openConsultation(appointmentId));
        Optional<String> closed = joinWindow.whyClosed(appointment, now);
        setEnabled(closed.isEmpty());
        setTooltipText(closed.map(reason -> whyClosed(appointment, joinWindow, reason)).orElse("Open the video consultation now."));
    }

    static void openConsultation(long appointmentId) {
        UI.getCurrent().navigate(CONSULTATION_ROUTE + appointmentId);
    }

    /** The join window's reason, plus when the call opens if it still will. */
    static String whyClosed(Appointment appointment, JoinWindow joinWindow, String reason) {
        if (!appointment.getStatus().isOpen()) {
            return reason;
        }
        Instant opensAt = joinWindow.opensAt(appointment);
        return reason.replaceFirst("\\.$", "") + ", at " + ViewerTime.time(opensAt) + " on " + ViewerTime.date(opensAt) + ".";
    }
}
