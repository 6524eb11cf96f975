package com.mediscan.appointment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.ConsentVersion;
import com.mediscan.appointment.service.CheckInService;
import com.mediscan.appointment.service.LockedCheckIn;
import com.mediscan.appointment.service.PatientConsent;
import com.mediscan.appointment.service.TelehealthConsentService;
import com.mediscan.support.ClinicFixtures;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuTest;
import com.mediscan.support.SecurityTestSupport;
import com.mediscan.support.TestCheckIns;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.details.Details;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Administrators edit the consent text as new versions, see who agreed to which and when, and unlock check-ins. */
class ConsentAdminViewTest extends KaribuTest {

    @Autowired
    TelehealthConsentService consent;
    @Autowired
    CheckInService checkIns;
    @Autowired
    UserDetailsService users;
    @Autowired
    Clock clock;

    private ConsentAdminView open() {
        signIn(DemoUsers.ADMIN);
        UI.getCurrent().navigate("admin/consent");
        return _get(ConsentAdminView.class);
    }

    private static List<PatientConsent> rows(ConsentAdminView view) {
        return IntStream.range(0, GridKt._size(view.patients)).mapToObj(row -> GridKt._get(view.patients, row)).toList();
    }

    @Test
    void anEditIsPublishedAsANewVersionAndTheOldOneStaysReadable() {
        ConsentAdminView view = open();
        String before = view.text.getValue();
        int versionBefore = consent.current().orElseThrow().getVersionNumber();

        _setValue(view.text, "");
        _click(view.publish);
        assertThat(view.text.isInvalid()).isTrue();
        assertThat(consent.current().orElseThrow().getVersionNumber()).as("an empty text is not published").isEqualTo(versionBefore);

        _setValue(view.text, before + "\n\nA new paragraph about call-backs.");
        _click(view.publish);
        ConsentVersion now = consent.current().orElseThrow();
        assertThat(now.getVersionNumber()).isEqualTo(versionBefore + 1);
        assertThat(view.inForce.getText()).startsWith("Version " + now.getVersionNumber() + " is in force since");
        assertThat(view.earlierVersions.getChildren().filter(Details.class::isInstance).map(Details.class::cast)
                .map(Details::getSummaryText)).anyMatch(summary -> summary.startsWith("Version " + versionBefore + ", published"));
    }

    @Test
    void showsPerPatientWhichVersionTheyAgreedToAndWhen() {
        ClinicFixtures fixtures = new ClinicFixtures(applicationContext);
        DoctorProfile doctor = fixtures.newDoctor("Cardiology");
        PatientProfile agreed = fixtures.newPatient();
        PatientProfile never = fixtures.newPatient();
        TestCheckIns.checkedIn(applicationContext, fixtures.appointment(doctor, agreed, clock.instant().truncatedTo(ChronoUnit.SECONDS)));

        ConsentAdminView view = open();
        _setValue(view.patientSearch, agreed.getAccount().getEmail());
        assertThat(rows(view)).singleElement().satisfies(row -> {
            assertThat(row.versionNumber()).isEqualTo(consent.current().orElseThrow().getVersionNumber());
            assertThat(row.current()).isTrue();
            assertThat(row.agreedAt()).isNotNull();
        });
        assertThat(GridKt._getFormattedRow(view.patients, 0)).contains("Version " + consent.current().orElseThrow().getVersionNumber() + " (in force)");
        _setValue(view.patientSearch, never.getAccount().getEmail());
        assertThat(GridKt._getFormattedRow(view.patients, 0)).contains("Not yet");
    }

    @Test
    void aLockedCheckInIsListedForTheClinicAndCanBeUnlocked() {
        ClinicFixtures fixtures = new ClinicFixtures(applicationContext);
        PatientProfile patient = fixtures.newPatient();
        Appointment appointment = fixtures.appointment(fixtures.newDoctor("Cardiology"), patient, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        SecurityTestSupport.actAs(users, patient.getAccount().getEmail());
        for (int day = 1; day <= 3; day++) {
            checkIns.confirmIdentity(appointment.getId(), LocalDate.of(1960, 6, day));
        }

        ConsentAdminView view = open();
        List<LockedCheckIn> shown = view.locked.getGenericDataView().getItems().toList();
        LockedCheckIn lockedOne = shown.stream().filter(row -> row.appointmentId() == appointment.getId()).findFirst().orElseThrow();
        assertThat(lockedOne.patientName()).isEqualTo(patient.getDisplayName());
        int row = shown.indexOf(lockedOne);
        _click((com.vaadin.flow.component.button.Button) GridKt._getCellComponent(view.locked, row, "actions"));
        assertThat(view.locked.getGenericDataView().getItems()).noneMatch(entry -> entry.appointmentId() == appointment.getId());
    }
}
