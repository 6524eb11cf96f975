package com.mediscan.appointment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.mediscan.appointment.ui.DashboardTestSupport.cardsIn;
import static com.mediscan.appointment.ui.DashboardTestSupport.choicesOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.HasValidationUtilsKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentRepository;
import com.mediscan.support.ClinicFixtures;
import com.mediscan.support.KaribuTest;
import com.mediscan.support.MovableClock;
import com.mediscan.support.MovableClockConfig;
import com.mediscan.support.MovableClockTest;
import com.vaadin.flow.component.UI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MovableClockTest
class BookAppointmentViewTest extends KaribuTest {

    private static final LocalDate FRIDAY = LocalDate.of(2030, 1, 11);
    private static final Instant FRIDAY_ELEVEN = Instant.parse("2030-01-11T11:00:00Z");

    @Autowired
    MovableClock clock;
    @Autowired
    AppointmentRepository appointments;

    private ClinicFixtures fixtures;
    /** Each test's own specialty, so its doctor is the only one in it. */
    private final String specialty = "Booking flow medicine " + UUID.randomUUID().toString().substring(0, 8);
    private DoctorProfile doctor;
    private PatientProfile patient;

    @BeforeEach
    void aWeekdayDoctor() {
        clock.set(MovableClockConfig.START);
        fixtures = new ClinicFixtures(applicationContext);
        doctor = fixtures.newDoctor(specialty, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
        patient = fixtures.newPatient();
        signIn(patient.getAccount().getEmail());
        UI.getCurrent().navigate(BookAppointmentView.class);
    }

    @AfterEach
    void resetClock() {
        clock.set(MovableClockConfig.START);
    }

    private BookAppointmentView view() {
        return _get(BookAppointmentView.class);
    }

    private void chooseDoctorAndDay(LocalDate day) {
        BookAppointmentView view = view();
        _setValue(view.specialty, specialty);
        assertThat(view.doctor.getValue()).as("the specialty's only doctor is chosen at once").isEqualTo(doctor);
        _setValue(view.slot.date, day);
    }

    @Test
    void specialtyThenDoctorThenFreeTimeThenReasonBooksAndTheDashboardShowsIt() {
        BookAppointmentView view = view();
        assertThat(choicesOf(view.specialty)).contains(specialty, "Cardiology", "Dermatology");
        assertThat(view.doctor.isEnabled()).isFalse();

        chooseDoctorAndDay(FRIDAY);
        assertThat(choicesOf(view.slot.time)).first().isEqualTo(Instant.parse("2030-01-11T08:00:00Z"));
        assertThat(choicesOf(view.slot.time)).last().isEqualTo(Instant.parse("2030-01-11T19:30:00Z"));
        _setValue(view.slot.time, FRIDAY_ELEVEN);
        _setValue(view.reason, "Persistent cough for three weeks");
        _click(view.book);

        NotificationsKt.expectNotifications("Booked with " + doctor.getDisplayName() + " on Fri 11 Jan 2030, 11:00.");
        PatientDashboardView dashboard = _get(PatientDashboardView.class);
        assertThat(cardsIn(dashboard.upcoming)).anySatisfy(card -> {
            assertThat(card.when.getText()).isEqualTo("Fri 11 Jan 2030, 11:00–11:30");
            assertThat(card.who.getText()).isEqualTo(doctor.getDisplayName());
            assertThat(card.what.getText()).isEqualTo(specialty + " · Persistent cough for three weeks");
        });
        Appointment booked = appointments.findByPatientAccountIdOrderByStartsAtDesc(patient.getAccount().getId()).getFirst();
        assertThat(booked.getStartsAt()).isEqualTo(FRIDAY_ELEVEN);
        assertThat(booked.getDoctor()).isEqualTo(doctor);
    }

    @Test
    void todayOffersOnlyTimesStillAhead() {
        clock.set(Instant.parse("2030-01-09T13:10:00Z"));
        UI.getCurrent().navigate(BookAppointmentView.class);
        chooseDoctorAndDay(LocalDate.of(2030, 1, 9));
        assertThat(choicesOf(view().slot.time)).first().isEqualTo(Instant.parse("2030-01-09T13:30:00Z"));
    }

    @Test
    void aDayWithoutWorkingHoursSaysSo() {
        chooseDoctorAndDay(LocalDate.of(2030, 1, 12));
        assertThat(choicesOf(view().slot.time)).isEmpty();
        assertThat(view().slot.time.getHelperText()).isEqualTo("No free times on this day. Try another date.");
        assertThat(view().slot.time.isEnabled()).isFalse();
    }

    @Test
    void submittingAnEmptyFormSaysWhatIsMissingBesideEachField() {
        BookAppointmentView view = view();
        _click(view.book);
        HasValidationUtilsKt._expectInvalid(view.specialty, "Choose a specialty.");
        HasValidationUtilsKt._expectInvalid(view.doctor, "Choose a doctor.");
        HasValidationUtilsKt._expectInvalid(view.slot.time, "Choose a free time.");
        HasValidationUtilsKt._expectInvalid(view.reason, "Describe the reason for the visit.");
        HasValidationUtilsKt._expectValid(view.slot.date);
        _assertOne(BookAppointmentView.class);
    }

    @Test
    void aTimeTakenMeanwhileIsRefusedBesideTheTimeAndTheReasonIsKept() {
        chooseDoctorAndDay(FRIDAY);
        BookAppointmentView view = view();
        _setValue(view.slot.time, FRIDAY_ELEVEN);
        _setValue(view.reason, "Follow-up on test results");
        fixtures.appointment(doctor, fixtures.newPatient(), FRIDAY_ELEVEN);

        _click(view.book);

        HasValidationUtilsKt._expectInvalid(view.slot.time,
                doctor.getDisplayName() + " already has an appointment at that time. Choose another time.");
        assertThat(choicesOf(view.slot.time)).doesNotContain(FRIDAY_ELEVEN);
        assertThat(view.reason.getValue()).isEqualTo("Follow-up on test results");
        assertThat(view.doctor.getValue()).isEqualTo(doctor);
        _assertOne(BookAppointmentView.class);
    }

    @Test
    void aPatientWhoIsBusyThenIsNotOfferedThatTime() {
        DoctorProfile other = fixtures.newDoctor("Another booking medicine");
        fixtures.appointment(other, patient, FRIDAY_ELEVEN.plus(Duration.ofMinutes(15)));
        chooseDoctorAndDay(FRIDAY);
        assertThat(choicesOf(view().slot.time))
                .doesNotContain(FRIDAY_ELEVEN, FRIDAY_ELEVEN.plus(Duration.ofMinutes(30)))
                .contains(FRIDAY_ELEVEN.minus(Duration.ofMinutes(30)), FRIDAY_ELEVEN.plus(Duration.ofHours(1)));
    }
}
