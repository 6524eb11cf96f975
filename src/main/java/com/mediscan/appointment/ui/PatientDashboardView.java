package com.mediscan.appointment.ui;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.appointment.service.JoinWindow;
import com.mediscan.security.Roles;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The patient's home: upcoming appointments with {@code Join Call}, recent ones, and booking. */
@Route("patient")
@PageTitle("My dashboard · MediScan")
@RolesAllowed(Roles.PATIENT)
public class PatientDashboardView extends VerticalLayout {

    static final int UPCOMING_SHOWN = 5;
    static final int RECENT_SHOWN = 5;

    final Button book = new Button("Book an appointment", VaadinIcon.PLUS.create());
    final Div upcoming = new Div();
    final Div recent = new Div();

    private final AppointmentService appointments;
    private final JoinWindow joinWindow;
    private final Clock clock;
    private List<CardsShown> shown;

    public PatientDashboardView(AppointmentService appointments, JoinWindow joinWindow, Clock clock) {
        this.appointments = appointments;
        this.joinWindow = joinWindow;
        this.clock = clock;
        addClassNames("patient-dashboard-view", "view-content");

        book.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        book.addClickListener(click -> UI.getCurrent().navigate(BookAppointmentView.class));
        upcoming.addClassName("appointment-list");
        recent.addClassName("appointment-list");
        RouterLink all = new RouterLink("See all my appointments", PatientAppointmentsView.class);
        add(book, new H2("Upcoming appointments"), upcoming, new H2("Recent appointments"), recent, all);
        refresh();
        AutoRefresh.whileAttached(this, this::refresh);
    }

    /** Looks again: statuses change and join windows open while the page is open. Unchanged cards stay as they are. */
    void refresh() {
        Instant now = clock.instant();
        List<Appointment> upcomingNow = appointments.upcomingForPatient(UPCOMING_SHOWN);
        List<Appointment> recentNow = appointments.recentForPatient(RECENT_SHOWN);
        List<CardsShown> nowShown = List.of(CardsShown.of(upcomingNow, joinWindow, now), CardsShown.of(recentNow, joinWindow, now));
        if (nowShown.equals(shown)) {
            return;
        }
        shown = nowShown;
        show(upcoming, upcomingNow, now, "No upcoming appointments. Book one when you need to see a doctor.");
        show(recent, recentNow, now, "No past appointments yet.");
    }

    private void show(Div list, List<Appointment> shown, Instant now, String whenEmpty) {
        list.removeAll();
        if (shown.isEmpty()) {
            Paragraph none = new Paragraph(whenEmpty);
            none.addClassName("empty-state");
            list.add(none);
        }
        shown.forEach(appointment -> {
            Component[] actions = appointment.getStatus().isOpen()
                    ? new Component[] {new CallButton(CallButton.JOIN_CALL, appointment, joinWindow, now)}
                    : new Component[0];
            list.add(new AppointmentCard(appointment, appointment.getDoctor().getDisplayName(),
                    appointment.getDoctor().getSpecialty() + " · " + appointment.getReason(), actions));
        });
    }
}
