package com.mediscan.appointment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentRepository;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.appointment.domain.ConsentVersionRepository;
import com.mediscan.appointment.service.Places;
import com.mediscan.consultation.service.RoomRegistry;
import com.mediscan.consultation.service.RoomRegistry.Seat;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The "Done when" with the demo clinic as it is seeded: it has a consent text and Kriya's
 * date of birth on file, so Kriya agrees, checks in for her upcoming appointment with Dr. Patel, and
 * Dr. Patel's dashboard shows her among the waiting patients.
 */
class DemoCheckInWalkTest extends KaribuTest {

    @Autowired
    ConsentVersionRepository consentVersions;
    @Autowired
    AppointmentRepository appointments;
    @Autowired
    RoomRegistry rooms;
    @Autowired
    Places places;

    @Test
    void kriyaAgreesChecksInAndDrPatelSeesHerWaiting() {
        assertThat(consentVersions.findFirstByOrderByVersionNumberDesc()).as("the demo clinic's consent text")
                .hasValueSatisfying(version -> assertThat(version.getBody()).contains("Telehealth consent"));
        Appointment withRajesh = appointments.findAll().stream()
                .filter(appointment -> appointment.getPatient().getAccount().getEmail().equals(DemoUsers.KRIYA)
                        && appointment.getDoctor().getAccount().getEmail().equals(DemoUsers.RAJESH)
                        && appointment.getStatus() == AppointmentStatus.SCHEDULED
                        && "Follow-up on blood pressure and palpitations".equals(appointment.getReason()))
                .findFirst().orElseThrow();
        assertThat(withRajesh.getPatient().getDateOfBirth()).isEqualTo(LocalDate.parse(DemoUsers.KRIYA_DATE_OF_BIRTH));

        long kriya = signIn(DemoUsers.KRIYA).accountId();
        UI.getCurrent().navigate("video-consultation/" + withRajesh.getId());
        CheckInSteps steps = _get(CheckInSteps.class);
        if (steps.consentStep.isVisible()) {
            _click(steps.agree);
        }
        _setValue(steps.dateOfBirth, LocalDate.parse(DemoUsers.KRIYA_DATE_OF_BIRTH));
        _setValue(steps.country, places.country("IN").orElseThrow());
        _setValue(steps.region, places.region("IN", "IN-MH").orElseThrow());
        _click(steps.checkIn);
        assertThat(_find(Button.class, spec -> spec.withText("Join now"))).hasSize(1);

        // Kriya waits in the room from her own window while Dr. Patel looks at his dashboard.
        Seat waiting = rooms.enter(withRajesh, kriya);
        try {
            signIn(DemoUsers.RAJESH);
            UI.getCurrent().navigate("doctor");
            MockVaadin.runUIQueue();
            DoctorDashboardView dashboard = _get(DoctorDashboardView.class);
            assertThat(_find(dashboard.waiting.list, ListItem.class)).anySatisfy(item ->
                    assertThat(item.getElement().getTextRecursively()).contains("Kriya Mehta", "Consent ✓", "Identity ✓",
                            "Maharashtra, India"));
        } finally {
            rooms.leave(waiting);
        }
    }
}
