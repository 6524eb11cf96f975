package com.mediscan.appointment.ui;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.base.ui.ViewerTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** One appointment in a dashboard list: when, with whom, why, its status and what can be done now. */
class AppointmentCard extends Div {

    final Span when = new Span();
    final Span who = new Span();
    final Span what = new Span();

    AppointmentCard(Appointment appointment, String otherPerson, String detail, Component... actions) {
        addClassNames("glass-card", "appointment-card");
        when.setText(ViewerTime.date(appointment.getStartsAt()) + ", " + ViewerTime.time(appointment.getStartsAt())
                + "–" + ViewerTime.time(appointment.getEndsAt()));
        when.addClassName("appointment-when");
        who.setText(otherPerson);
        who.addClassName("appointment-who");
        what.setText(detail == null ? "" : detail);
        what.addClassName("appointment-what");
        Div text = new Div(when, who, what);
        text.addClassName("appointment-text");
        Div side = new Div(new StatusBadge(appointment.getStatus()));
        side.add(actions);
        side.addClassName("appointment-actions");
        add(text, side);
    }
}
