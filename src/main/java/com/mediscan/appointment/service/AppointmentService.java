package com.mediscan.appointment.service;

import com.mediscan.account.domain.Role;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.audit.service.AuditService;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.security.CurrentUser;
import com.mediscan.security.SignedInUser;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The appointment lifecycle: SCHEDULED → WAITING → IN_PROGRESS → COMPLETED, with CANCELLED and
 * NO_SHOW. Every method checks who is asking before it changes anything.
 */
@Service
@Transactional
public class AppointmentService {

    private final AppointmentAccess access;
    private final JoinWindow joinWindow;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final Clock clock;

    public AppointmentService(AppointmentAccess access, JoinWindow joinWindow, CurrentUser currentUser,
                              AuditService audit, Clock clock) {
        this.access = access;
        this.joinWindow = joinWindow;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** The appointment whose consultation the current user may enter now; refused outside the join window. */
    @Transactional(readOnly = true)
    public Appointment openConsultation(long appointmentId) {
        Appointment appointment = access.requireParticipant(appointmentId, AuditAction.CONSULTATION_OPENED);
        var closed = joinWindow.whyClosed(appointment, clock.instant());
        if (closed.isPresent()) {
            audit.record(AuditAction.CONSULTATION_OPENED, AuditOutcome.DENIED, subject(appointment), "outside the join window");
            throw new BusinessRuleException(closed.get());
        }
        audit.record(AuditAction.CONSULTATION_OPENED, AuditOutcome.ALLOWED, subject(appointment), null);
        return appointment;
    }

    /** The patient has entered the waiting room. */
    public Appointment patientArrived(long appointmentId) {
        Appointment appointment = access.requireParticipant(appointmentId, AuditAction.APPOINTMENT_CHANGED);
        if (isPatient(appointment) && appointment.getStatus() == AppointmentStatus.SCHEDULED) {
            change(appointment, AppointmentStatus.WAITING);
        }
        return appointment;
    }

    /** The patient left the waiting room before the call connected. */
    public Appointment patientLeft(long appointmentId) {
        Appointment appointment = access.requireParticipant(appointmentId, AuditAction.APPOINTMENT_CHANGED);
        if (appointment.getStatus() == AppointmentStatus.WAITING) {
            change(appointment, AppointmentStatus.SCHEDULED);
        }
        return appointment;
    }

    /** Both participants are connected: the call's start is recorded once and survives reloads. */
    public Appointment callConnected(long appointmentId) {
        Appointment appointment = access.requireParticipant(appointmentId, AuditAction.APPOINTMENT_CHANGED);
        if (appointment.getStatus() != AppointmentStatus.IN_PROGRESS) {
            change(appointment, AppointmentStatus.IN_PROGRESS);
        }
        return appointment;
    }

    /** Ending by the doctor completes the appointment; a patient hanging up leaves it for the doctor to close. */
    public Appointment endCall(long appointmentId) {
        Appointment appointment = access.requireParticipant(appointmentId, AuditAction.APPOINTMENT_CHANGED);
        if (!isPatient(appointment) && appointment.getStatus() == AppointmentStatus.IN_PROGRESS) {
            change(appointment, AppointmentStatus.COMPLETED);
        }
        return appointment;
    }

    public Appointment cancel(long appointmentId) {
        Appointment appointment = access.requireParticipantOrAdmin(appointmentId, AuditAction.APPOINTMENT_CHANGED);
        change(appointment, AppointmentStatus.CANCELLED);
        return appointment;
    }

    public Appointment markNoShow(long appointmentId) {
        Appointment appointment = access.requireDoctor(appointmentId, AuditAction.APPOINTMENT_CHANGED);
        if (clock.instant().isBefore(appointment.getStartsAt())) {
            throw new BusinessRuleException("A patient can be marked as a no-show only after the appointment's start time.");
        }
        change(appointment, AppointmentStatus.NO_SHOW);
        return appointment;
    }

    private void change(Appointment appointment, AppointmentStatus target) {
        AppointmentStatus before = appointment.getStatus();
        try {
            appointment.moveTo(target, clock.instant());
        } catch (BusinessRuleException refused) {
            audit.record(AuditAction.APPOINTMENT_CHANGED, AuditOutcome.DENIED, subject(appointment), refused.getMessage());
            throw refused;
        }
        audit.record(AuditAction.APPOINTMENT_CHANGED, AuditOutcome.ALLOWED, subject(appointment), before + " -> " + target);
    }

    private boolean isPatient(Appointment appointment) {
        SignedInUser user = currentUser.require();
        return user.is(Role.PATIENT) && appointment.getPatient().getAccount().getId().equals(user.accountId());
    }

    public static AuditService.Subject subject(Appointment appointment) {
        return new AuditService.Subject("appointment", appointment.getId(), appointment.getPatient().getAccount().getId());
    }
}
