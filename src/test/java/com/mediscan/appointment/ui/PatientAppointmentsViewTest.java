package com.mediscan.appointment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.mediscan.appointment.ui.DashboardTestSupport.buttonIn;
import static com.mediscan.appointment.ui.DashboardTestSupport.cell;
import static com.mediscan.appointment.ui.DashboardTestSupport.choicesOf;
import static com.mediscan.appointment.ui.DashboardTestSupport.currentPath;
import static com.mediscan.appointment.ui.DashboardTestSupport.gridShows;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValidationUtilsKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.support.ClinicFixtures;
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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MovableClockTest
class PatientAppointmentsViewTest extends KaribuTest {

    private static final Instant TOMORROW_TEN = MovableClockConfig.START.plus(Duration.ofDays(1)).plus(Duration.ofHours(2));

    @Autowired
    MovableClock clock;

    private ClinicFixtures fixtures;
    private DoctorProfile doctor;
    private PatientProfile patient;
    private Appointment upcoming;
    private Appointment completed;
    private Appointment someoneElses;

    @BeforeEach
    void aPatientsAppointments() {
        clock.set(MovableClockConfig.START);
        fixtures = new ClinicFixtures(applicationContext);
        doctor = fixtures.newDoctor("Appointments page medicine");
        patient = fixtures.newPatient();
        upcoming = fixtures.appointment(doctor, patient, TOMORROW_TEN);
        completed = fixtures.appointment(doctor, patient, TOMORROW_TEN.minus(Duration.ofDays(10)),
                AppointmentStatus.IN_PROGRESS, AppointmentStatus.COMPLETED);
        someoneElses = fixtures.appointment(doctor, fixtures.newPatient(), TOMORROW_TEN.plus(Duration.ofHours(1)));
        signIn(patient.getAccount().getEmail());
        OtherFeaturesRoutes.standInWhereMissing();
        UI.getCurrent().navigate(PatientAppointmentsView.class);
    }

    @AfterEach
    void resetClock() {
        clock.set(MovableClockConfig.START);
    }

    private PatientAppointmentsView view() {
        return _get(PatientAppointmentsView.class);
    }

    @Test
    void listsAllOfThePatientsAppointmentsAndNoOneElses() {
        var grid = view().grid;
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(gridShows(grid, upcoming)).isTrue();
        assertThat(gridShows(grid, completed)).isTrue();
        assertThat(gridShows(grid, someoneElses)).isFalse();
        assertThat(GridKt._getFormattedRow(grid, DashboardTestSupport.rowOf(grid, upcoming)).subList(0, 6))
                .containsExactly("Thu 10 Jan 2030", "10:00–10:30", doctor.getDisplayName(), "Appointments page medicine",
                        "Fixture visit", "Scheduled");
    }

    @Test
    void joinVideoCallIsOfferedOnOpenAppointmentsAndEnablesInsideTheWindow() {
        Button join = buttonIn(cell(view().grid, upcoming, "actions"), "Join Video Call");
        assertThat(join.isEnabled()).isFalse();
        assertThat(join.getTooltip().getText()).contains("at 09:45 on Thu 10 Jan 2030");
        assertThat(_find(cell(view().grid, completed, "actions"), Button.class)).as("nothing to do on a completed visit").isEmpty();

        clock.set(TOMORROW_TEN.minus(Duration.ofMinutes(1)));
        view().grid.getDataProvider().refreshAll();
        join = buttonIn(cell(view().grid, upcoming, "actions"), "Join Video Call");
        assertThat(join.isEnabled()).isTrue();
        _click(join);
        assertThat(currentPath()).isEqualTo("video-consultation/" + upcoming.getId());
    }

    @Test
    void rescheduleMovesTheAppointmentToAnotherFreeTime() {
        _click(buttonIn(cell(view().grid, upcoming, "actions"), "Reschedule"));
        RescheduleDialog dialog = _get(RescheduleDialog.class);
        assertThat(dialog.slot.date.getValue()).isEqualTo(LocalDate.of(2030, 1, 10));
        Instant fourPm = TOMORROW_TEN.plus(Duration.ofHours(6));
        assertThat(choicesOf(dialog.slot.time)).contains(fourPm)
                .as("someone else's 11:00 is not offered").doesNotContain(TOMORROW_TEN.plus(Duration.ofHours(1)))
                .as("the appointment's own time may be kept").contains(TOMORROW_TEN);
        _setValue(dialog.slot.time, fourPm);
        _click(dialog.move);

        assertThat(fixtures.reload(upcoming).getStartsAt()).isEqualTo(fourPm);
        NotificationsKt.expectNotifications("Moved to Thu 10 Jan 2030, 16:00.");
        assertThat(GridKt._getFormatted(view().grid, DashboardTestSupport.rowOf(view().grid, upcoming), "time")).isEqualTo("16:00–16:30");
    }

    @Test
    void aTimeTakenWhileChoosingIsRefusedBesideTheTimeField() {
        _click(buttonIn(cell(view().grid, upcoming, "actions"), "Reschedule"));
        RescheduleDialog dialog = _get(RescheduleDialog.class);
        Instant twoPm = TOMORROW_TEN.plus(Duration.ofHours(4));
        _setValue(dialog.slot.time, twoPm);
        fixtures.appointment(doctor, fixtures.newPatient(), twoPm);

        _click(dialog.move);

        HasValidationUtilsKt._expectInvalid(dialog.slot.time,
                doctor.getDisplayName() + " already has an appointment at that time. Choose another time.");
        assertThat(choicesOf(dialog.slot.time)).doesNotContain(twoPm);
        assertThat(fixtures.reload(upcoming).getStartsAt()).isEqualTo(TOMORROW_TEN);
        assertThat(dialog.isOpened()).isTrue();
    }

    @Test
    void cancellingAsksFirst() {
        _click(buttonIn(cell(view().grid, upcoming, "actions"), "Cancel appointment"));
        _click(_get(Confirmation.class).confirm);
        assertThat(fixtures.reload(upcoming).getStatus()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(_find(cell(view().grid, upcoming, "actions"), Button.class)).isEmpty();
    }

    @Test
    void theStatusFilterNarrowsTheList() {
        _setValue(view().statusFilter, AppointmentStatus.COMPLETED);
        assertThat(GridKt._findAll(view().grid)).extracting(Appointment::getId).containsExactly(completed.getId());
    }
}
