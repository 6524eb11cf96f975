package com.mediscan.appointment.ui;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.base.ui.ViewerTime;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import java.util.List;

/** The columns every appointments grid shares, sorted in the database by the named properties. */
final class AppointmentColumns {

    private AppointmentColumns() {
    }

    /** Date and time in the viewer's zone, newest first until the viewer sorts otherwise. */
    static void addWhen(Grid<Appointment> grid) {
        Grid.Column<Appointment> date = grid.addColumn(appointment -> ViewerTime.date(appointment.getStartsAt()))
                .setHeader("Date").setKey("date").setSortProperty("startsAt").setAutoWidth(true);
        grid.addColumn(appointment -> ViewerTime.time(appointment.getStartsAt()) + "–" + ViewerTime.time(appointment.getEndsAt()))
                .setHeader("Time").setKey("time").setSortProperty("startsAt").setAutoWidth(true);
        grid.sort(List.of(new GridSortOrder<>(date, SortDirection.DESCENDING)));
    }

    static void addPatient(Grid<Appointment> grid) {
        grid.addColumn(appointment -> appointment.getPatient().getDisplayName())
                .setHeader("Patient").setKey("patient").setSortProperty("patient.account.fullName").setAutoWidth(true);
    }

    static void addDoctor(Grid<Appointment> grid) {
        grid.addColumn(appointment -> appointment.getDoctor().getDisplayName())
                .setHeader("Doctor").setKey("doctor").setSortProperty("doctor.account.fullName").setAutoWidth(true);
    }

    static void addReasonAndStatus(Grid<Appointment> grid) {
        grid.addColumn(Appointment::getReason).setHeader("Reason").setKey("reason").setSortProperty("reason").setFlexGrow(1);
        grid.addColumn(appointment -> appointment.getStatus().label())
                .setHeader("Status").setKey("status").setSortProperty("status").setAutoWidth(true);
    }
}
