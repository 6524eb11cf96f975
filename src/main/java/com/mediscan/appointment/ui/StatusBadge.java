package com.mediscan.appointment.ui;

import com.mediscan.appointment.domain.AppointmentStatus;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;

/** An appointment's status as a small coloured label. */
class StatusBadge extends Span {

    StatusBadge(AppointmentStatus status) {
        super(status.label());
        addClassNames("status-badge", "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
