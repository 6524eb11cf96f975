package com.mediscan.appointment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.consultation.service.RoomRegistry;
import com.mediscan.consultation.service.RoomRegistry.Seat;
import com.mediscan.support.ClinicFixtures;
import com.mediscan.support.KaribuTest;
import com.mediscan.support.TestCheckIns;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.ListItem;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The doctor's dashboard queue "Waiting patients": patients appear when they enter their waiting
 * room after checking in and go when they leave, pushed through the room bus without a reload,
 * longest waiting first, with a chime for each arrival.
 */
class DoctorQueueViewTest extends KaribuTest {

    @Autowired
    RoomRegistry rooms;
    @Autowired
    Clock clock;

    private ClinicFixtures fixtures;
    private DoctorProfile doctor;
    private final List<Seat> seats = new ArrayList<>();

    @BeforeEach
    void ownDoctor() {
        fixtures = new ClinicFixtures(applicationContext);
        doctor = fixtures.newDoctor("Cardiology");
    }

    @AfterEach
    void leaveRooms() {
        seats.forEach(rooms::leave);
    }

    private Appointment checkedInAppointment(long minutesAgo) {
        PatientProfile patient = fixtures.newPatient();
        Appointment appointment = fixtures.appointment(doctor, patient,
                clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(minutesAgo, ChronoUnit.MINUTES));
        return TestCheckIns.checkedIn(applicationContext, appointment);
    }

    /** The patient enters their waiting room, from their own window elsewhere. */
    private Seat arrives(Appointment appointment) {
        Seat seat = rooms.enter(appointment, appointment.getPatient().getAccount().getId());
        seats.add(seat);
        MockVaadin.runUIQueue();
        return seat;
    }

    private static List<String> queue(DoctorDashboardView view) {
        assertThat(view.waiting.list.getElement().getAttribute("aria-label")).isEqualTo("Waiting patients");
        return _find(view.waiting.list, ListItem.class).stream().map(item -> item.getElement().getTextRecursively()).toList();
    }

    @Test
    void checkedInPatientsShowUpLiveLongestWaitingFirstWithAChime() throws InterruptedException {
        Appointment early = checkedInAppointment(2);
        Appointment later = checkedInAppointment(1);
        signIn(doctor.getAccount().getEmail());
        UI.getCurrent().navigate("doctor");
        DoctorDashboardView view = _get(DoctorDashboardView.class);
        assertThat(queue(view)).isEmpty();
        assertThat(view.waiting.empty.isVisible()).isTrue();

        arrives(later);
        assertThat(queue(view)).singleElement().satisfies(text -> assertThat(text)
                .contains(later.getPatient().getDisplayName(), "Waiting since", "Consent ✓", "Identity ✓",
                        "Maharashtra, India (Home, Bandra)", "Start Video Call"));
        assertThat(view.chimes).isEqualTo(1);

        Thread.sleep(5);
        Seat earlysSeat = arrives(early);
        assertThat(queue(view)).hasSize(2);
        assertThat(queue(view).get(0)).as("who waits longest comes first, whatever the booked time")
                .contains(later.getPatient().getDisplayName());
        assertThat(view.chimes).isEqualTo(2);

        rooms.leave(earlysSeat);
        MockVaadin.runUIQueue();
        assertThat(queue(view)).singleElement().satisfies(text -> assertThat(text).contains(later.getPatient().getDisplayName()));
        assertThat(view.chimes).as("someone leaving rings nothing").isEqualTo(2);
    }

    @Test
    void aPatientInTheRoomWithoutTheirDoctorsAppointmentIsNotInThisQueue() {
        DoctorProfile otherDoctor = fixtures.newDoctor("Dermatology");
        PatientProfile patient = fixtures.newPatient();
        Appointment elsewhere = TestCheckIns.checkedIn(applicationContext, fixtures.appointment(otherDoctor, patient,
                clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(3, ChronoUnit.MINUTES)));
        signIn(doctor.getAccount().getEmail());
        UI.getCurrent().navigate("doctor");
        DoctorDashboardView view = _get(DoctorDashboardView.class);
        arrives(elsewhere);
        assertThat(queue(view)).isEmpty();
        assertThat(view.chimes).isZero();
    }
}
