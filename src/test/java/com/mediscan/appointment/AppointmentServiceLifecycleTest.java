package com.mediscan.appointment;

import static com.mediscan.support.SecurityTestSupport.actAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEvent;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.support.ClinicFixtures;
import com.mediscan.support.MediScanSpringTest;
import com.mediscan.support.MovableClock;
import com.mediscan.support.MovableClockConfig;
import com.mediscan.support.MovableClockTest;
import com.mediscan.support.SecurityTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The lifecycle through the service, as the people in it drive it, with the clock moved by the test. */
@MediScanSpringTest
@MovableClockTest
class AppointmentServiceLifecycleTest {

    private static final Instant SLOT = MovableClockConfig.START.plus(Duration.ofDays(3)).plus(Duration.ofHours(2));

    @Autowired
    AppointmentService service;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    UserDetailsService users;
    @Autowired
    MovableClock clock;
    @Autowired
    ApplicationContext context;

    private ClinicFixtures fixtures;
    private DoctorProfile doctor;
    private PatientProfile patient;
    private Appointment appointment;

    @BeforeEach
    void newAppointment() {
        clock.set(MovableClockConfig.START);
        fixtures = new ClinicFixtures(context);
        doctor = fixtures.newDoctor("Lifecycle medicine");
        patient = fixtures.newPatient();
        appointment = fixtures.appointment(doctor, patient, SLOT);
    }

    @AfterEach
    void signOut() {
        SecurityTestSupport.signOut();
        clock.set(MovableClockConfig.START);
    }

    private void asDoctor() {
        actAs(users, doctor.getAccount().getEmail());
    }

    private void asPatient() {
        actAs(users, patient.getAccount().getEmail());
    }

    @Test
    void theWholeConsultationScheduledWaitingInProgressCompleted() {
        clock.set(SLOT.minus(Duration.ofMinutes(5)));
        asPatient();
        assertThat(service.openConsultation(appointment.getId()).getId()).isEqualTo(appointment.getId());
        assertThat(service.patientArrived(appointment.getId()).getStatus()).isEqualTo(AppointmentStatus.WAITING);

        asDoctor();
        clock.set(SLOT.plus(Duration.ofMinutes(1)));
        Appointment connected = service.callConnected(appointment.getId());
        assertThat(connected.getStatus()).isEqualTo(AppointmentStatus.IN_PROGRESS);
        assertThat(connected.getCallStartedAt()).isEqualTo(SLOT.plus(Duration.ofMinutes(1)));

        clock.advance(Duration.ofMinutes(2));
        asPatient();
        assertThat(service.callConnected(appointment.getId()).getCallStartedAt())
                .as("a reconnect keeps the first start").isEqualTo(SLOT.plus(Duration.ofMinutes(1)));
        assertThat(service.endCall(appointment.getId()).getStatus())
                .as("a patient hanging up leaves the call for the doctor to close").isEqualTo(AppointmentStatus.IN_PROGRESS);

        asDoctor();
        clock.set(SLOT.plus(Duration.ofMinutes(20)));
        Appointment ended = service.endCall(appointment.getId());
        assertThat(ended.getStatus()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(ended.getCallEndedAt()).isEqualTo(SLOT.plus(Duration.ofMinutes(20)));

        assertThat(changesOf(appointment)).extracting(AuditEvent::getDetail)
                .containsSubsequence("SCHEDULED -> WAITING", "WAITING -> IN_PROGRESS", "IN_PROGRESS -> COMPLETED");
    }

    @Test
    void aPatientMayLeaveTheWaitingRoomAgain() {
        clock.set(SLOT.minus(Duration.ofMinutes(10)));
        asPatient();
        service.patientArrived(appointment.getId());
        assertThat(service.patientLeft(appointment.getId()).getStatus()).isEqualTo(AppointmentStatus.SCHEDULED);
    }

    @Test
    void theDoctorArrivingFirstDoesNotPutThePatientInTheWaitingRoom() {
        clock.set(SLOT.minus(Duration.ofMinutes(10)));
        asDoctor();
        assertThat(service.patientArrived(appointment.getId()).getStatus()).isEqualTo(AppointmentStatus.SCHEDULED);
    }

    @Test
    void theCallCannotBeOpenedBeforeItsWindowAndTheRefusalSaysWhy() {
        clock.set(SLOT.minus(Duration.ofMinutes(16)));
        asPatient();
        assertThatThrownBy(() -> service.openConsultation(appointment.getId()))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("The call opens 15 minutes before the appointment starts.");
        clock.set(SLOT.minus(Duration.ofMinutes(15)));
        assertThat(service.openConsultation(appointment.getId()).getId()).isEqualTo(appointment.getId());
    }

    @Test
    void aCancelledAppointmentCannotBeCancelledAgainNorStarted() {
        asPatient();
        assertThat(service.cancel(appointment.getId()).getStatus()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThatThrownBy(() -> service.cancel(appointment.getId()))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("This appointment was cancelled, so it cannot be cancelled.");
        asDoctor();
        clock.set(SLOT);
        assertThatThrownBy(() -> service.callConnected(appointment.getId()))
                .hasMessage("This appointment was cancelled, so it cannot be started.");
        assertThatThrownBy(() -> service.openConsultation(appointment.getId()))
                .hasMessage("This appointment was cancelled.");
        assertThat(changesOf(appointment))
                .anyMatch(event -> event.getOutcome() == AuditOutcome.DENIED
                        && "This appointment was cancelled, so it cannot be started.".equals(event.getDetail()));
    }

    @Test
    void aCompletedAppointmentCannotBeCancelledOrRescheduled() {
        clock.set(SLOT);
        asDoctor();
        service.callConnected(appointment.getId());
        service.endCall(appointment.getId());
        assertThatThrownBy(() -> service.cancel(appointment.getId()))
                .hasMessage("This appointment is completed, so it cannot be cancelled.");
        asPatient();
        assertThatThrownBy(() -> service.reschedule(appointment.getId(), SLOT.plus(Duration.ofDays(1))))
                .hasMessage("This appointment is completed, so it cannot be rescheduled.");
    }

    @Test
    void aNoShowOnlyAfterTheStartAndNothingAfterIt() {
        asDoctor();
        clock.set(SLOT.minusSeconds(1));
        assertThatThrownBy(() -> service.markNoShow(appointment.getId()))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("A patient can be marked as a no-show only after the appointment's start time.");
        clock.set(SLOT.plus(Duration.ofMinutes(10)));
        assertThat(service.markNoShow(appointment.getId()).getStatus()).isEqualTo(AppointmentStatus.NO_SHOW);
        asPatient();
        assertThat(service.patientArrived(appointment.getId()).getStatus())
                .as("arriving after a no-show changes nothing").isEqualTo(AppointmentStatus.NO_SHOW);
        assertThatThrownBy(() -> service.callConnected(appointment.getId()))
                .hasMessage("This appointment was marked as a no-show, so it cannot be started.");
    }

    @Test
    void onlyTheDoctorMarksANoShow() {
        clock.set(SLOT.plus(Duration.ofMinutes(10)));
        asPatient();
        assertThatThrownBy(() -> service.markNoShow(appointment.getId()))
                .isInstanceOf(NotFoundOrDeniedException.class);
        assertThat(fixtures.reload(appointment).getStatus()).isEqualTo(AppointmentStatus.SCHEDULED);
    }

    private List<AuditEvent> changesOf(Appointment subject) {
        return auditEvents.findByRecordTypeAndRecordIdOrderByIdAsc("appointment", subject.getId()).stream()
                .filter(event -> event.getAction() == AuditAction.APPOINTMENT_CHANGED).toList();
    }
}
