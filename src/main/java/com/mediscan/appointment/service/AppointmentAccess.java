package com.mediscan.appointment.service;

import com.mediscan.account.domain.Role;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentRepository;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.audit.service.AuditService;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.security.CurrentUser;
import com.mediscan.security.SignedInUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one place that decides who may touch an appointment and everything hanging off it
 * (consultation, chat, prescriptions): its doctor and its patient, and for scheduling only,
 * an administrator. Refusals are audited and look the same as a missing record.
 */
@Component
@Transactional(readOnly = true)
public class AppointmentAccess {

    private final AppointmentRepository appointments;
    private final CurrentUser currentUser;
    private final AuditService audit;

    public AppointmentAccess(AppointmentRepository appointments, CurrentUser currentUser, AuditService audit) {
        this.appointments = appointments;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /** The appointment, if the current user is its doctor or patient. */
    public Appointment requireParticipant(long appointmentId, AuditAction attempted) {
        SignedInUser user = currentUser.find().orElse(null);
        Appointment appointment = appointments.findById(appointmentId).orElse(null);
        if (user == null || appointment == null || !appointment.involves(user.accountId())) {
            refuse(appointmentId, appointment, attempted);
        }
        return appointment;
    }

    /** The appointment, if the current user is its doctor. */
    public Appointment requireDoctor(long appointmentId, AuditAction attempted) {
        SignedInUser user = currentUser.find().orElse(null);
        Appointment appointment = appointments.findById(appointmentId).orElse(null);
        if (user == null || appointment == null || !user.is(Role.DOCTOR)
                || !appointment.getDoctor().getAccount().getId().equals(user.accountId())) {
            refuse(appointmentId, appointment, attempted);
        }
        return appointment;
    }

    /** The appointment, if the current user is a participant or an administrator. */
    public Appointment requireParticipantOrAdmin(long appointmentId, AuditAction attempted) {
        SignedInUser user = currentUser.find().orElse(null);
        if (user != null && user.is(Role.ADMIN)) {
            return appointments.findById(appointmentId).orElseThrow(NotFoundOrDeniedException::new);
        }
        return requireParticipant(appointmentId, attempted);
    }

    private void refuse(long appointmentId, Appointment appointment, AuditAction attempted) {
        Long patientAccountId = appointment == null ? null : appointment.getPatient().getAccount().getId();
        audit.record(attempted, AuditOutcome.DENIED, new AuditService.Subject("appointment", appointmentId, patientAccountId),
                appointment == null ? "no such appointment" : currentUser.find().isEmpty() ? "not signed in" : "not a participant");
        throw new NotFoundOrDeniedException();
    }
}
