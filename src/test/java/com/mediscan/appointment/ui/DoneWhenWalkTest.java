package com.mediscan.appointment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.mediscan.appointment.ui.DashboardTestSupport.buttonIn;
import static com.mediscan.appointment.ui.DashboardTestSupport.cardsIn;
import static com.mediscan.appointment.ui.DashboardTestSupport.cell;
import static com.mediscan.appointment.ui.DashboardTestSupport.currentPath;
import static com.mediscan.appointment.ui.DashboardTestSupport.gridShows;
import static com.mediscan.appointment.ui.DashboardTestSupport.poll;
import static com.mediscan.appointment.ui.DashboardTestSupport.respond;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentRepository;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuTest;
import com.mediscan.support.MovableClock;
import com.mediscan.support.MovableClockConfig;
import com.mediscan.support.MovableClockTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The "Done when", step by step with the demo clinic: Kriya books a slot with Dr. Sneha
 * Shah and sees it; the doctor sees it on today's list with Start Video Call; the administrator
 * reschedules it; another patient cannot see it. Each step is its own test, in order.
 */
@MovableClockTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DoneWhenWalkTest extends KaribuTest {

    private static final LocalDate TODAY = LocalDate.of(2030, 1, 9);
    private static final Instant TWO_PM = Instant.parse("2030-01-09T14:00:00Z");
    private static final Instant FOUR_PM = Instant.parse("2030-01-09T16:00:00Z");

    @Autowired
    MovableClock clock;
    @Autowired
    AppointmentRepository appointments;
    @Autowired
    AppointmentService appointmentService;
    @Autowired
    AuditEventRepository auditEvents;

    private Long bookedId;

    @BeforeEach
    void startOfTheDay() {
        clock.set(MovableClockConfig.START);
        OtherFeaturesRoutes.standInWhereMissing();
    }

    @AfterEach
    void resetClock() {
        clock.set(MovableClockConfig.START);
    }

    private Appointment booked() {
        assertThat(bookedId).as("step 1 booked the appointment").isNotNull();
        return appointments.findById(bookedId).orElseThrow();
    }

    @Test
    @Order(1)
    void kriyaBooksASlotWithDrSnehaShahAndSeesIt() {
        Long kriya = signIn(DemoUsers.KRIYA).accountId();
        UI.getCurrent().navigate(PatientDashboardView.class);
        _click(_get(PatientDashboardView.class).book);

        BookAppointmentView booking = _get(BookAppointmentView.class);
        _setValue(booking.specialty, "Dermatology");
        assertThat(booking.doctor.getValue().getDisplayName()).isEqualTo("Dr. Sneha Shah");
        _setValue(booking.slot.date, TODAY);
        _setValue(booking.slot.time, TWO_PM);
        _setValue(booking.reason, "Rash has spread to the other arm");
        _click(booking.book);

        PatientDashboardView dashboard = _get(PatientDashboardView.class);
        AppointmentCard card = cardsIn(dashboard.upcoming).stream()
                .filter(shown -> shown.when.getText().equals("Wed 9 Jan 2030, 14:00–14:30")).findFirst().orElseThrow();
        assertThat(card.who.getText()).isEqualTo("Dr. Sneha Shah");
        assertThat(card.what.getText()).isEqualTo("Dermatology · Rash has spread to the other arm");
        assertThat(buttonIn(card, "Join Call")).isNotNull();
        bookedId = appointments.findByPatientAccountIdOrderByStartsAtDesc(kriya).stream()
                .filter(appointment -> appointment.getStartsAt().equals(TWO_PM)).findFirst().orElseThrow().getId();
    }

    @Test
    @Order(2)
    void drSnehaShahSeesItOnTodaysListWithStartVideoCall() {
        signIn(DemoUsers.SNEHA);
        UI.getCurrent().navigate(DoctorDashboardView.class);
        AppointmentCard card = todaysCardAt(_get(DoctorDashboardView.class), "Wed 9 Jan 2030, 14:00–14:30");
        assertThat(card.who.getText()).isEqualTo("Kriya Mehta");
        Button call = buttonIn(card, "Start Video Call");
        assertThat(call.isEnabled()).isFalse();
        assertThat(call.getTooltip().getText()).endsWith("at 13:45 on Wed 9 Jan 2030.");

        clock.set(TWO_PM.minus(Duration.ofMinutes(10)));
        poll();
        call = buttonIn(todaysCardAt(_get(DoctorDashboardView.class), "Wed 9 Jan 2030, 14:00–14:30"), "Start Video Call");
        assertThat(call.isEnabled()).isTrue();
        _click(call);
        assertThat(currentPath()).isEqualTo("video-consultation/" + bookedId);
    }

    @Test
    @Order(3)
    void theAdministratorReschedulesIt() {
        signIn(DemoUsers.ADMIN);
        UI.getCurrent().navigate(AdminAppointmentsView.class);
        AdminAppointmentsView schedule = _get(AdminAppointmentsView.class);
        _setValue(schedule.nameFilter, "Kriya");
        _setValue(schedule.dateFilter, TODAY);
        _click(buttonIn(cell(schedule.grid, booked(), "actions"), "Reschedule"));
        RescheduleDialog dialog = _get(RescheduleDialog.class);
        _setValue(dialog.slot.time, FOUR_PM);
        _click(dialog.move);

        assertThat(booked().getStartsAt()).isEqualTo(FOUR_PM);
        respond();
        assertThat(GridKt._getFormatted(schedule.grid, DashboardTestSupport.rowOf(schedule.grid, booked()), "time"))
                .isEqualTo("16:00–16:30");

        signIn(DemoUsers.KRIYA);
        UI.getCurrent().navigate(PatientDashboardView.class);
        assertThat(cardsIn(_get(PatientDashboardView.class).upcoming)).extracting(card -> card.when.getText())
                .contains("Wed 9 Jan 2030, 16:00–16:30").doesNotContain("Wed 9 Jan 2030, 14:00–14:30");
        signIn(DemoUsers.SNEHA);
        UI.getCurrent().navigate(DoctorDashboardView.class);
        assertThat(todaysCardAt(_get(DoctorDashboardView.class), "Wed 9 Jan 2030, 16:00–16:30").who.getText()).isEqualTo("Kriya Mehta");
    }

    @Test
    @Order(4)
    void anotherPatientCannotSeeIt() {
        signIn(DemoUsers.ARJUN);
        UI.getCurrent().navigate(PatientDashboardView.class);
        assertThat(cardsIn(_get(PatientDashboardView.class).upcoming)).extracting(card -> card.when.getText())
                .as("only Arjun's own demo appointments").containsExactly("Wed 9 Jan 2030, 11:00–11:30", "Fri 11 Jan 2030, 08:00–08:30");

        UI.getCurrent().navigate(PatientAppointmentsView.class);
        assertThat(gridShows(_get(PatientAppointmentsView.class).grid, booked())).isFalse();

        assertThatThrownBy(() -> appointmentService.open(bookedId)).isInstanceOf(NotFoundOrDeniedException.class);
        assertThatThrownBy(() -> appointmentService.reschedule(bookedId, FOUR_PM.plus(Duration.ofHours(1))))
                .isInstanceOf(NotFoundOrDeniedException.class);
        assertThat(auditEvents.findByActorEmailOrderByIdAsc(DemoUsers.ARJUN))
                .anyMatch(event -> event.getAction() == AuditAction.VIEW_OPENED && event.getOutcome() == AuditOutcome.DENIED
                        && bookedId.equals(event.getRecordId()));
    }

    private static AppointmentCard todaysCardAt(DoctorDashboardView dashboard, String when) {
        return cardsIn(dashboard.today).stream().filter(card -> card.when.getText().equals(when)).findFirst()
                .orElseThrow(() -> new AssertionError("no appointment at " + when + " on today's list"));
    }
}
