package com.mediscan.appointment.ui;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.appointment.service.AppointmentFilter;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.appointment.service.JoinWindow;
import com.mediscan.base.ui.Notices;
import com.mediscan.base.ui.ViewerTime;
import com.mediscan.security.Roles;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;

/** All of the patient's appointments, with {@code Join Video Call}, reschedule and cancel where they apply. */
@Route("patient/appointments")
@PageTitle("My appointments · MediScan")
@RolesAllowed(Roles.PATIENT)
public class PatientAppointmentsView extends VerticalLayout {

    static final String RESCHEDULE = "Reschedule";
    static final String CANCEL = "Cancel appointment";

    final StatusSelect statusFilter = new StatusSelect();
    final Button book = new Button("Book an appointment", VaadinIcon.PLUS.create());
    final Grid<Appointment> grid = new Grid<>();

    private final AppointmentService appointments;
    private final JoinWindow joinWindow;
    private final Clock clock;
    private AppointmentFilter filter = AppointmentFilter.any(ViewerTime.zone());

    public PatientAppointmentsView(AppointmentService appointments, JoinWindow joinWindow, Clock clock) {
        this.appointments = appointments;
        this.joinWindow = joinWindow;
        this.clock = clock;
        addClassNames("patient-appointments-view", "view-content");

        statusFilter.addValueChangeListener(change -> {
            filter = filter.withStatus(change.getValue());
            grid.getDataProvider().refreshAll();
        });
        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        book.addClickListener(click -> UI.getCurrent().navigate(BookAppointmentView.class));

        grid.addClassName("appointments-grid");
        AppointmentColumns.addWhen(grid);
        AppointmentColumns.addDoctor(grid);
        grid.addColumn(appointment -> appointment.getDoctor().getSpecialty())
                .setHeader("Specialty").setKey("specialty").setSortProperty("doctor.specialty").setAutoWidth(true);
        AppointmentColumns.addReasonAndStatus(grid);
        grid.addComponentColumn(this::actionsFor).setHeader("Actions").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setItemsPageable(pageable -> appointments.find(filter, pageable), pageable -> (int) appointments.count(filter));
        grid.setEmptyStateText("No appointments yet.");

        HorizontalLayout toolbar = new HorizontalLayout(statusFilter, book);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        add(new H2("My appointments"), toolbar, grid);
        AutoRefresh.whileAttached(this, grid.getDataProvider()::refreshAll);
    }

    private HorizontalLayout actionsFor(Appointment appointment) {
        Instant now = clock.instant();
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        actions.addClassName("row-actions");
        if (appointment.getStatus().isOpen()) {
            actions.add(new CallButton(CallButton.JOIN_VIDEO_CALL, appointment, joinWindow, now));
        }
        if (appointment.getStatus() == AppointmentStatus.SCHEDULED && appointment.isUpcoming(now)) {
            Button reschedule = new Button(RESCHEDULE, click -> new RescheduleDialog(appointment,
                    "With " + appointment.getDoctor().getDisplayName(), appointments, clock,
                    grid.getDataProvider()::refreshAll).open());
            reschedule.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            actions.add(reschedule);
        }
        if (appointment.getStatus() == AppointmentStatus.SCHEDULED || appointment.getStatus() == AppointmentStatus.WAITING) {
            Button cancel = new Button(CANCEL, click -> confirmCancel(appointment));
            cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            actions.add(cancel);
        }
        return actions;
    }

    private void confirmCancel(Appointment appointment) {
        new Confirmation("Cancel appointment?",
                "Cancel your appointment with " + appointment.getDoctor().getDisplayName() + " on "
                        + ViewerTime.dateTime(appointment.getStartsAt()) + "? The time is then free for others.",
                CANCEL, () -> {
                    if (Attempt.run(() -> appointments.cancel(appointment.getId()))) {
                        Notices.success("Appointment cancelled.");
                        grid.getDataProvider().refreshAll();
                    }
                }).open();
    }
}
