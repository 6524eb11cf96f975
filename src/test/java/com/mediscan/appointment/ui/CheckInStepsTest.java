package com.mediscan.appointment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.ConsentAgreementRepository;
import com.mediscan.appointment.service.CheckInService;
import com.mediscan.appointment.service.Places;
import com.mediscan.appointment.service.TelehealthConsentService;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.consultation.service.RoomRegistry;
import com.mediscan.consultation.ui.ConsultationView;
import com.mediscan.support.ClinicFixtures;
import com.mediscan.support.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/**
 * The patient's check-in on the consultation page: consent, then date of birth, place, reason and
 * call-back number with "Check in"; wrong answers keep what was typed, the third locks; once done a
 * reload goes straight to the check before joining; the doctor's waiting panel shows what was told.
 */
class CheckInStepsTest extends KaribuTest {

    @Autowired
    Places places;
    @Autowired
    CheckInService checkIns;
    @Autowired
    TelehealthConsentService consent;
    @Autowired
    ConsentAgreementRepository agreements;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    RoomRegistry rooms;
    @Autowired
    Clock clock;

    private DoctorProfile doctor;
    private PatientProfile patient;
    private Appointment appointment;

    @BeforeEach
    void ownAppointment() {
        ClinicFixtures fixtures = new ClinicFixtures(applicationContext);
        doctor = fixtures.newDoctor("Cardiology");
        patient = fixtures.newPatient();
        appointment = fixtures.appointment(doctor, patient, clock.instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60));
    }

    private CheckInSteps openAsPatient() {
        signIn(patient.getAccount().getEmail());
        UI.getCurrent().navigate("patient");
        UI.getCurrent().navigate("video-consultation/" + appointment.getId());
        MockVaadin.runUIQueue();
        return _get(CheckInSteps.class);
    }

    /** The check before joining is on show (its "Join now" visible). */
    private static boolean checkBeforeJoiningShown() {
        return !_find(Button.class, spec -> spec.withText("Join now")).isEmpty();
    }

    private void fillPlace(CheckInSteps steps) {
        _setValue(steps.country, places.country("IN").orElseThrow());
        _setValue(steps.region, places.region("IN", "IN-MH").orElseThrow());
        _setValue(steps.placeDetail, "Home, Bandra");
    }

    @Test
    void thePatientAgreesChecksInAndGoesOnToTheCheckBeforeJoining() {
        CheckInSteps steps = openAsPatient();
        assertThat(steps.title.getText()).isEqualTo("Telehealth consent");
        assertThat(steps.consentText.getChildren()).hasSizeGreaterThan(1);
        assertThat(checkBeforeJoiningShown()).as("the check before joining waits for the check-in").isFalse();
        _click(steps.agree);
        assertThat(agreements.findByPatientAccountIdOrderByAgreedAtDesc(patient.getAccount().getId())).hasSize(1);
        assertThat(steps.detailsStep.isVisible()).isTrue();
        assertThat(steps.reason.getValue()).isEqualTo(appointment.getReason());

        _click(steps.checkIn);
        assertThat(steps.dateOfBirth.isInvalid()).isTrue();
        assertThat(steps.country.isInvalid()).isTrue();
        assertThat(checkIns.status(appointment.getId()).attemptsLeft()).as("an empty form costs no attempt").isEqualTo(3);

        _setValue(steps.dateOfBirth, LocalDate.of(1981, 2, 3));
        fillPlace(steps);
        _setValue(steps.reason, "Palpitations, worse since Monday");
        _click(steps.checkIn);
        assertThat(steps.dateOfBirth.getErrorMessage()).isEqualTo("This date of birth does not match our records. 2 attempts left.");
        assertThat(steps.placeDetail.getValue()).as("nothing typed is lost").isEqualTo("Home, Bandra");
        assertThat(steps.region.getValue().name()).isEqualTo("Maharashtra");

        _setValue(steps.dateOfBirth, patient.getDateOfBirth());
        _click(steps.checkIn);
        _assertNone(CheckInSteps.class);
        assertThat(checkBeforeJoiningShown()).isTrue();
        assertThat(checkIns.status(appointment.getId()).updatedReason()).isEqualTo("Palpitations, worse since Monday");

        UI.getCurrent().navigate("patient");
        UI.getCurrent().navigate("video-consultation/" + appointment.getId());
        _assertNone(CheckInSteps.class);
        assertThat(checkBeforeJoiningShown()).as("a reload does not ask again").isTrue();
    }

    @Test
    void theThirdWrongDateOfBirthLocksTheCheckIn() {
        CheckInSteps steps = openAsPatient();
        _click(steps.agree);
        fillPlace(steps);
        for (int day = 1; day <= 3; day++) {
            _setValue(steps.dateOfBirth, LocalDate.of(1970, 1, day));
            _click(steps.checkIn);
        }
        assertThat(steps.title.getText()).isEqualTo("Check-in locked");
        assertThat(steps.problem.getText()).isEqualTo(CheckInService.LOCKED);
        assertThat(steps.detailsStep.isVisible()).isFalse();
        assertThat(auditEvents.findAll((root, query, cb) -> cb.equal(root.get("recordId"), appointment.getId()),
                PageRequest.of(0, 100)).getContent()).anyMatch(event -> event.getAction() == AuditAction.CHECK_IN_LOCKED);

        UI.getCurrent().navigate("patient");
        UI.getCurrent().navigate("video-consultation/" + appointment.getId());
        assertThat(_get(CheckInSteps.class).title.getText()).as("still locked after a reload").isEqualTo("Check-in locked");
    }

    private CheckInSummary doctorInTheRoom() {
        signIn(doctor.getAccount().getEmail());
        UI.getCurrent().navigate("doctor");
        UI.getCurrent().navigate("video-consultation/" + appointment.getId());
        _click(_get(Button.class, spec -> spec.withText("Join now")));
        MockVaadin.runUIQueue();
        return _get(CheckInSummary.class);
    }

    @Test
    void theDoctorsWaitingPanelShowsWhatThePatientToldAtCheckIn() {
        CheckInSummary summary = doctorInTheRoom();
        assertThat(summary.consent.getText()).isEqualTo("Not checked in yet");

        CheckInSteps steps = openAsPatient();
        _click(steps.agree);
        _setValue(steps.dateOfBirth, patient.getDateOfBirth());
        fillPlace(steps);
        _setValue(steps.reason, "New chest pain");
        _setValue(steps.callbackPhone, "+91 98200 12345");
        _click(steps.checkIn);

        summary = doctorInTheRoom();
        assertThat(summary.consent.getText()).isEqualTo("Consent ✓ (version " + consent.current().orElseThrow().getVersionNumber() + ")");
        assertThat(summary.identity.getText()).isEqualTo("Identity ✓");
        assertThat(summary.location.getText()).isEqualTo("Location: Maharashtra, India · Home, Bandra");
        assertThat(summary.updatedReason.getText()).isEqualTo("Updated reason: New chest pain");
        assertThat(summary.callbackPhone.getText()).isEqualTo("Call-back: +91 98200 12345");
        assertThat(_get(ConsultationView.class).getElement().getTextRecursively()).doesNotContain(patient.getDateOfBirth().toString());
    }
}
