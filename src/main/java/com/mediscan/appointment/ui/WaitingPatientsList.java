package com.mediscan.appointment.ui;

import com.mediscan.appointment.service.WaitingPatient;
import com.mediscan.base.ui.ViewerTime;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The doctor's queue: checked-in patients in their waiting rooms now, longest waiting first, each
 * with since when, consent ✓, identity ✓, where they are and an updated reason, and
 * {@code Start Video Call}. A list named {@value #NAME}.
 */
@StyleSheet("assets/appointment/check-in.css")
@JsModule("./dashboard-chime.ts")
class WaitingPatientsList extends Div {

    static final String NAME = "Waiting patients";

    final UnorderedList list = new UnorderedList();
    final Paragraph empty = new Paragraph("Nobody is waiting.");
    private Set<Long> shown = Set.of();

    WaitingPatientsList() {
        addClassName("waiting-patients-queue");
        list.addClassName("waiting-patients");
        list.getElement().setAttribute("aria-label", NAME);
        list.getElement().setAttribute("aria-live", "polite");
        empty.addClassName("empty-state");
        add(list, empty);
    }

    /** Shows the queue; returns who is in it now and was not before. */
    List<WaitingPatient> show(List<WaitingPatient> waiting, Instant now) {
        list.removeAll();
        waiting.forEach(patient -> list.add(item(patient, now)));
        empty.setVisible(waiting.isEmpty());
        Set<Long> before = shown;
        shown = waiting.stream().map(WaitingPatient::appointmentId).collect(Collectors.toSet());
        return waiting.stream().filter(patient -> !before.contains(patient.appointmentId())).toList();
    }

    private static ListItem item(WaitingPatient patient, Instant now) {
        Span name = new Span(patient.patientName());
        name.addClassName("waiting-patient-name");
        Span since = detail("Waiting since " + ViewerTime.time(patient.waitingSince()) + " ("
                + waited(Duration.between(patient.waitingSince(), now)) + ") · appointment at " + ViewerTime.time(patient.startsAt()));
        Span checks = detail((patient.consentVersionNumber() == null ? "Consent ✗" : "Consent ✓")
                + " · " + (patient.identityConfirmed() ? "Identity ✓" : "Identity ✗")
                + " · " + patient.place() + (patient.locationDetail() == null ? "" : " (" + patient.locationDetail() + ")"));
        Div text = new Div(name, since, checks);
        if (patient.updatedReason() != null) {
            text.add(detail("Updated reason: " + patient.updatedReason()));
        } else if (patient.reason() != null) {
            text.add(detail(patient.reason()));
        }
        if (patient.callbackPhone() != null) {
            text.add(detail("Call-back: " + patient.callbackPhone()));
        }
        text.addClassName("waiting-patient-text");
        Button start = new Button(CallButton.START_VIDEO_CALL, VaadinIcon.CAMERA.create(),
                click -> CallButton.openConsultation(patient.appointmentId()));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        ListItem item = new ListItem(text, start);
        item.addClassName("waiting-patient");
        item.getElement().setAttribute("data-appointment", Long.toString(patient.appointmentId()));
        return item;
    }

    private static Span detail(String text) {
        Span detail = new Span(text);
        detail.addClassName("waiting-patient-detail");
        return detail;
    }

    static String waited(Duration waited) {
        long minutes = waited.toMinutes();
        return minutes < 1 ? "less than a minute" : minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
