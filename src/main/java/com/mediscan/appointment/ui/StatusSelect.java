package com.mediscan.appointment.ui;

import com.mediscan.appointment.domain.AppointmentStatus;
import com.vaadin.flow.component.select.Select;

/** A status filter whose empty choice means any status. */
class StatusSelect extends Select<AppointmentStatus> {

    StatusSelect() {
        setLabel("Status");
        setItems(AppointmentStatus.values());
        setEmptySelectionAllowed(true);
        setEmptySelectionCaption("Any status");
        setItemLabelGenerator(status -> status == null ? "Any status" : status.label());
    }
}
