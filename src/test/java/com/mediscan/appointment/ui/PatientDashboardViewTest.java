package com.mediscan.appointment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.mediscan.appointment.ui.DashboardTestSupport.buttonIn;
import static com.mediscan.appointment.ui.DashboardTestSupport.cardsIn;
import static com.mediscan.appointment.ui.DashboardTestSupport.currentPath;
import static com.mediscan.appointment.ui.DashboardTestSupport.poll;
import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentRepository;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MovableClockTest
class PatientDashboardViewTest extends KaribuTest {

    private static final Instant TODAY_TEN = MovableClockConfig.START.plus(Duration.ofHours(2));

    @Autowired
    MovableClock clock;

    private Appointment today;
    private Appointment tomorrow;
    private ClinicFixtures fixtures;

    @BeforeEach
    void aPatientsAppointments() {
        clock.set(MovableClockConfig.START);
        fixtures = new ClinicFixtures(applicationContext);
        DoctorProfile doctor = fixtures.newDoctor("Patient dashboard medicine");
        PatientProfile patient = fixtures.newPatient();
        today = fixtures.appointment(doctor, patient, TODAY_TEN);
        tomorrow = fixtures.appointment(doctor, patient, TODAY_TEN.plus(Duration.ofDays(1)));
        fixtures.appointment(doctor, patient, TODAY_TEN.minus(Duration.ofDays(7)),
                AppointmentStatus.WAITING, AppointmentStatus.IN_PROGRESS, AppointmentStatus.COMPLETED);
        fixtures.appointment(doctor, patient, TODAY_TEN.plus(Duration.ofDays(2)), AppointmentStatus.CANCELLED);
        fixtures.appointment(doctor, fixtures.newPatient(), TODAY_TEN.plus(Duration.ofHours(1)));
        signIn(patient.getAccount().getEmail());
        OtherFeaturesRoutes.standInWhereMissing();
        UI.getCurrent().navigate(PatientDashboardView.class);
    }

    @AfterEach
    void resetClock() {
        clock.set(MovableClockConfig.START);
    }

    private PatientDashboardView view() {
        return _get(PatientDashboardView.class);
    }

    @Test
    void upcomingAppointmentsComeSoonestFirstEachWithJoinCall() {
        var cards = cardsIn(view().upcoming);
        assertThat(cards).extracting(card -> card.when.getText())
                .containsExactly("Wed 9 Jan 2030, 10:00–10:30", "Thu 10 Jan 2030, 10:00–10:30");
        cards.forEach(card -> assertThat(buttonIn(card, "Join Call")).isNotNull());
    }

    @Test
    void joinCallWaitsForTheWindowAndSaysWhenItOpens() {
        Button join = buttonIn(cardsIn(view().upcoming).getFirst(), "Join Call");
        assertThat(join.isEnabled()).isFalse();
        assertThat(join.getTooltip().getText())
                .isEqualTo("The call opens 15 minutes before the appointment starts, at 09:45 on Wed 9 Jan 2030.");

        clock.set(TODAY_TEN.minus(Duration.ofMinutes(10)));
        poll();
        join = buttonIn(cardsIn(view().upcoming).getFirst(), "Join Call");
        assertThat(join.isEnabled()).isTrue();
        _click(join);
        assertThat(currentPath()).isEqualTo("video-consultation/" + today.getId());
    }

    @Test
    void aPollThatFindsNothingNewKeepsTheCardsAndAChangeShowsAtTheNext() {
        AppointmentCard first = cardsIn(view().upcoming).getFirst();
        clock.set(MovableClockConfig.START.plus(Duration.ofMinutes(5)));
        poll();
        assertThat(cardsIn(view().upcoming).getFirst()).as("not rebuilt: nothing changed").isSameAs(first);

        Appointment cancelled = fixtures.reload(tomorrow);
        cancelled.moveTo(AppointmentStatus.CANCELLED, clock.instant());
        applicationContext.getBean(AppointmentRepository.class).save(cancelled);
        poll();
        assertThat(cardsIn(view().upcoming)).hasSize(1);
        assertThat(cardsIn(view().recent)).extracting(card -> card.when.getText()).contains("Thu 10 Jan 2030, 10:00–10:30");
    }

    @Test
    void recentAppointmentsShowWhatHappenedWithoutACallButton() {
        var cards = cardsIn(view().recent);
        assertThat(cards).extracting(card -> card.when.getText())
                .containsExactly("Fri 11 Jan 2030, 10:00–10:30", "Wed 2 Jan 2030, 10:00–10:30");
        assertThat(cards).allSatisfy(card -> assertThat(_find(card, Button.class)).isEmpty());
        assertThat(_find(cards.getFirst(), StatusBadge.class)).singleElement()
                .satisfies(badge -> assertThat(badge.getText()).isEqualTo("Cancelled"));
    }

    @Test
    void anotherPatientsAppointmentIsNotShown() {
        assertThat(cardsIn(view())).hasSize(4)
                .noneMatch(card -> card.when.getText().startsWith("Wed 9 Jan 2030, 11:00"));
    }

    @Test
    void bookingIsOneClickAway() {
        _click(view().book);
        _assertOne(BookAppointmentView.class);
    }
}
