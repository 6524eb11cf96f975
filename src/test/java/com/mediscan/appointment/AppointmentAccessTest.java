package com.mediscan.appointment;

import static com.mediscan.support.SecurityTestSupport.actAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentRepository;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.MediScanSpringTest;
import com.mediscan.support.SecurityTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;

@MediScanSpringTest
class AppointmentAccessTest {

    @Autowired
    AppointmentService appointmentService;
    @Autowired
    AppointmentRepository appointments;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    UserDetailsService users;

    @AfterEach
    void signOut() {
        SecurityTestSupport.signOut();
    }

    private Appointment kriyasUpcomingWith(String doctorEmail) {
        var kriya = actAs(users, DemoUsers.KRIYA);
        return appointments.findByPatientAccountIdOrderByStartsAtDesc(kriya.accountId()).stream()
                .filter(a -> a.getStatus() == AppointmentStatus.SCHEDULED && a.getDoctor().getAccount().getEmail().equals(doctorEmail))
                .findFirst().orElseThrow();
    }

    @Test
    void participantsMayOpenTheirConsultationAndItIsAudited() {
        Appointment appointment = kriyasUpcomingWith(DemoUsers.RAJESH);
        actAs(users, DemoUsers.RAJESH);
        assertThat(appointmentService.openConsultation(appointment.getId()).getId()).isEqualTo(appointment.getId());
        assertThat(auditEvents.findByRecordTypeAndRecordIdOrderByIdAsc("appointment", appointment.getId()))
                .anyMatch(e -> e.getAction() == AuditAction.CONSULTATION_OPENED && e.getOutcome() == AuditOutcome.ALLOWED
                        && DemoUsers.RAJESH.equals(e.getActorEmail()));
    }

    @Test
    void anotherPatientAndAnotherDoctorAreRefusedAndAudited() {
        Appointment appointment = kriyasUpcomingWith(DemoUsers.RAJESH);
        for (String outsider : new String[] {DemoUsers.ARJUN, DemoUsers.SNEHA}) {
            actAs(users, outsider);
            assertThatThrownBy(() -> appointmentService.openConsultation(appointment.getId()))
                    .isInstanceOf(NotFoundOrDeniedException.class);
            assertThat(auditEvents.findByActorEmailOrderByIdAsc(outsider))
                    .anyMatch(e -> e.getAction() == AuditAction.CONSULTATION_OPENED && e.getOutcome() == AuditOutcome.DENIED
                            && appointment.getId().equals(e.getRecordId()));
        }
    }

    @Test
    void aMissingAppointmentIsRefusedWithTheSameMessage() {
        Appointment appointment = kriyasUpcomingWith(DemoUsers.RAJESH);
        actAs(users, DemoUsers.ARJUN);
        String refusedExisting = catchMessage(appointment.getId());
        String refusedMissing = catchMessage(987_654L);
        assertThat(refusedMissing).isEqualTo(refusedExisting);
    }

    private String catchMessage(long id) {
        try {
            appointmentService.openConsultation(id);
            throw new AssertionError("expected a refusal");
        } catch (NotFoundOrDeniedException refused) {
            return refused.getMessage();
        }
    }
}
