package com.mediscan.appointment.service;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.appointment.domain.CheckIn;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.audit.service.AuditService;
import com.mediscan.consultation.service.RoomRegistry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in doctor's waiting patients of one day: those checked in and present in the
 * consultation's waiting room (presence from {@link RoomRegistry}) whose call has not started,
 * longest waiting first.
 */
@Service
@Transactional(readOnly = true)
public class DoctorQueue {

    private final AppointmentService appointments;
    private final CheckInService checkIns;
    private final RoomRegistry rooms;
    private final AuditService audit;

    public DoctorQueue(AppointmentService appointments, CheckInService checkIns, RoomRegistry rooms, AuditService audit) {
        this.appointments = appointments;
        this.checkIns = checkIns;
        this.rooms = rooms;
        this.audit = audit;
    }

    /** Today's (the day's) waiting patients; refused, and audited, for anyone but a doctor. */
    public List<WaitingPatient> waiting(LocalDate day, ZoneId zone) {
        List<Appointment> notStarted = appointments.doctorsDay(day, zone).stream()
                .filter(appointment -> appointment.getStatus() == AppointmentStatus.SCHEDULED
                        || appointment.getStatus() == AppointmentStatus.WAITING)
                .toList();
        Map<Long, CheckIn> checkedIn = checkIns.completedOf(notStarted.stream().map(Appointment::getId).toList()).stream()
                .collect(Collectors.toMap(checkIn -> checkIn.getAppointment().getId(), Function.identity()));
        List<WaitingPatient> waiting = notStarted.stream()
                .filter(appointment -> checkedIn.containsKey(appointment.getId()))
                .flatMap(appointment -> waitingSince(appointment)
                        .map(since -> entry(appointment, since, checkedIn.get(appointment.getId()))).stream())
                .sorted(Comparator.comparing(WaitingPatient::waitingSince).thenComparing(WaitingPatient::startsAt))
                .toList();
        if (!waiting.isEmpty()) {
            audit.record(AuditAction.CHECK_IN, AuditOutcome.ALLOWED, AuditService.Subject.none(),
                    "waiting patients, " + waiting.size() + " check-ins read");
        }
        return waiting;
    }

    private Optional<Instant> waitingSince(Appointment appointment) {
        return rooms.presentSince(appointment.getId(), appointment.getPatient().getAccount().getId());
    }

    private WaitingPatient entry(Appointment appointment, Instant since, CheckIn checkIn) {
        return new WaitingPatient(appointment.getId(), appointment.getPatient().getDisplayName(), appointment.getStartsAt(), since,
                checkIn.getConsentAgreement() == null ? null : checkIn.getConsentAgreement().getConsentVersion().getVersionNumber(),
                checkIn.isIdentityConfirmed(), checkIns.describePlace(checkIn), checkIn.getLocationDetail(),
                appointment.getReason(), checkIn.getUpdatedReason(), checkIn.getCallbackPhone());
    }
}
