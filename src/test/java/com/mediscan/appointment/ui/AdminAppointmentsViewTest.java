package com.mediscan.appointment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.mediscan.appointment.ui.DashboardTestSupport.buttonIn;
import static com.mediscan.appointment.ui.DashboardTestSupport.cell;
import static com.mediscan.appointment.ui.DashboardTestSupport.choicesOf;
import static com.mediscan.appointment.ui.DashboardTestSupport.gridShows;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValidationUtilsKt;
import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentRepository;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.support.ClinicFixtures;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuTest;
import com.mediscan.support.MovableClock;
import com.mediscan.support.MovableClockConfig;
import com.mediscan.support.MovableClockTest;
import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MovableClockTest
class AdminAppointmentsViewTest extends KaribuTest {

    private static final Instant SATURDAY_NINE = MovableClockConfig.START.plus(Duration.ofDays(3)).plus(Duration.ofHours(1));

    @Autowired
    MovableClock clock;
    @Autowired
    AppointmentRepository appointments;

    private ClinicFixtures fixtures;
    private DoctorProfile doctor;
    private PatientProfile patient;
    private Appointment booked;

    @BeforeEach
    void signInAsAdmin() {
        clock.set(MovableClockConfig.START);
        fixtures = new ClinicFixtures(applicationContext);
        doctor = fixtures.newDoctor("Scheduling medicine");
        patient = fixtures.newPatient();
        booked = fixtures.appointment(doctor, patient, SATURDAY_NINE);
        signIn(DemoUsers.ADMIN);
        UI.getCurrent().navigate(AdminAppointmentsView.class);
    }

    private AdminAppointmentsView view() {
        return _get(AdminAppointmentsView.class);
    }

    @Test
    void theAdministratorSeesEveryonesAppointmentsAndNarrowsThemByName() {
        var grid = view().grid;
        assertThat(GridKt._findAll(grid)).extracting(appointment -> appointment.getDoctor().getAccount().getEmail())
                .contains(DemoUsers.RAJESH, DemoUsers.SNEHA, doctor.getAccount().getEmail());
        _setValue(view().nameFilter, patient.getDisplayName());
        assertThat(GridKt._findAll(grid)).extracting(Appointment::getId).containsExactly(booked.getId());
        assertThat(GridKt._getFormattedRow(grid, 0).subList(0, 6)).containsExactly("Sat 12 Jan 2030", "09:00–09:30",
                doctor.getDisplayName(), patient.getDisplayName(), "Fixture visit", "Scheduled");
    }

    @Test
    void theAdministratorReschedulesAndCancels() {
        _setValue(view().nameFilter, patient.getDisplayName());
        _click(buttonIn(cell(view().grid, booked, "actions"), "Reschedule"));
        RescheduleDialog dialog = _get(RescheduleDialog.class);
        Instant later = SATURDAY_NINE.plus(Duration.ofHours(3));
        _setValue(dialog.slot.time, later);
        _click(dialog.move);
        assertThat(fixtures.reload(booked).getStartsAt()).isEqualTo(later);

        _click(buttonIn(cell(view().grid, booked, "actions"), "Cancel appointment"));
        _click(_get(Confirmation.class).confirm);
        assertThat(fixtures.reload(booked).getStatus()).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void theAdministratorBooksForAPatient() {
        PatientProfile another = fixtures.newPatient();
        _click(view().create);
        AdminBookingDialog dialog = _get(AdminBookingDialog.class);
        _click(dialog.save);
        HasValidationUtilsKt._expectInvalid(dialog.patient, "Choose the patient.");
        HasValidationUtilsKt._expectInvalid(dialog.doctor, "Choose the doctor.");
        HasValidationUtilsKt._expectInvalid(dialog.reason, "Describe the reason for the visit.");

        _setValue(dialog.patient, another);
        _setValue(dialog.doctor, doctor);
        _setValue(dialog.slot.date, LocalDate.of(2030, 1, 12));
        assertThat(choicesOf(dialog.slot.time)).as("the doctor's 09:00 is taken").doesNotContain(SATURDAY_NINE)
                .contains(SATURDAY_NINE.plus(Duration.ofMinutes(30)));
        _setValue(dialog.slot.time, SATURDAY_NINE.plus(Duration.ofMinutes(30)));
        _setValue(dialog.reason, "Referred by the front desk");
        _click(dialog.save);

        assertThat(dialog.isOpened()).isFalse();
        Appointment created = appointments.findByPatientAccountIdOrderByStartsAtDesc(another.getAccount().getId()).getFirst();
        assertThat(created.getDoctor()).isEqualTo(doctor);
        assertThat(created.getStartsAt()).isEqualTo(SATURDAY_NINE.plus(Duration.ofMinutes(30)));
        assertThat(gridShows(view().grid, created)).isTrue();
    }
}
