package com.mediscan.appointment.ui;

import com.mediscan.account.service.AccountAdministration;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.appointment.service.AppointmentFilter;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.base.ui.Notices;
import com.mediscan.base.ui.ViewerTime;
import com.mediscan.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;

/** The clinic's schedule for administrators: every appointment, booking for a patient, rescheduling and cancelling. */
@Route("admin/appointments")
@PageTitle("Appointments · Administration · MediScan")
@RolesAllowed(Roles.ADMIN)
public class AdminAppointmentsView extends VerticalLayout {

    static final String RESCHEDULE = "Reschedule";
    static final String CANCEL = "Cancel appointment";

    final DatePicker dateFilter = new DatePicker("Date");
    final StatusSelect statusFilter = new StatusSelect();
    final TextField nameFilter = new TextField("Doctor or patient");
    final Button create = new Button("New appointment", VaadinIcon.PLUS.create());
    final Grid<Appointment> grid = new Grid<>();

    private final AppointmentService appointments;
    private final Clock clock;
    private AppointmentFilter filter = AppointmentFilter.any(ViewerTime.zone());

    public AdminAppointmentsView(AppointmentService appointments, AccountAdministration administration, Clock clock) {
        this.appointments = appointments;
        this.clock = clock;
        addClassNames("admin-appointments-view", "view-content");

        dateFilter.setClearButtonVisible(true);
        dateFilter.setPlaceholder("Any date");
        dateFilter.addValueChangeListener(change -> applyFilter(filter.withDay(change.getValue())));
        statusFilter.addValueChangeListener(change -> applyFilter(filter.withStatus(change.getValue())));
        nameFilter.setPlaceholder("Name contains");
        nameFilter.setClearButtonVisible(true);
        nameFilter.setValueChangeMode(ValueChangeMode.LAZY);
        nameFilter.addValueChangeListener(change -> applyFilter(filter.withName(change.getValue())));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> new AdminBookingDialog(appointments, administration, clock,
                grid.getDataProvider()::refreshAll).open());

        grid.addClassName("appointments-grid");
        AppointmentColumns.addWhen(grid);
        AppointmentColumns.addDoctor(grid);
        AppointmentColumns.addPatient(grid);
        AppointmentColumns.addReasonAndStatus(grid);
        grid.addComponentColumn(this::actionsFor).setHeader("Actions").setKey("actions").setAutoWidth(true).setFlexGrow(0);
        grid.setItemsPageable(pageable -> appointments.find(filter, pageable), pageable -> (int) appointments.count(filter));
        grid.setEmptyStateText("No appointments match these filters.");

        HorizontalLayout toolbar = new HorizontalLayout(dateFilter, statusFilter, nameFilter, create);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        toolbar.setWrap(true);
        add(new H2("Appointments"), toolbar, grid);
    }

    private void applyFilter(AppointmentFilter changed) {
        filter = changed;
        grid.getDataProvider().refreshAll();
    }

    private HorizontalLayout actionsFor(Appointment appointment) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setSpacing(false);
        actions.addClassName("row-actions");
        if (appointment.getStatus() == AppointmentStatus.SCHEDULED) {
            Button reschedule = new Button(RESCHEDULE, click -> new RescheduleDialog(appointment,
                    appointment.getPatient().getDisplayName() + " with " + appointment.getDoctor().getDisplayName(),
                    appointments, clock, grid.getDataProvider()::refreshAll).open());
            reschedule.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            actions.add(reschedule);
        }
        if (appointment.getStatus() == AppointmentStatus.SCHEDULED || appointment.getStatus() == AppointmentStatus.WAITING) {
            Button cancel = new Button(CANCEL, click -> new Confirmation("Cancel appointment?",
                    "Cancel " + appointment.getPatient().getDisplayName() + "'s appointment with "
                            + appointment.getDoctor().getDisplayName() + " on " + ViewerTime.dateTime(appointment.getStartsAt()) + "?",
                    CANCEL, () -> {
                        if (Attempt.run(() -> appointments.cancel(appointment.getId()))) {
                            Notices.success("Appointment cancelled.");
                            grid.getDataProvider().refreshAll();
                        }
                    }).open());
            cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            actions.add(cancel);
        }
        return actions;
    }
}
