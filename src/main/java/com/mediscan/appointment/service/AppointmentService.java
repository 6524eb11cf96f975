package com.mediscan.appointment.service;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.DoctorProfileRepository;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.account.domain.PatientProfileRepository;
import com.mediscan.account.domain.Role;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentRepository;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.audit.service.AuditService;
import com.mediscan.audit.service.RoleGuard;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.security.CurrentUser;
import com.mediscan.security.SignedInUser;
import jakarta.persistence.criteria.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appointments: booking and rescheduling into free slots of a doctor's working hours, the lists
 * behind the dashboards, and the lifecycle SCHEDULED → WAITING → IN_PROGRESS → COMPLETED, with
 * CANCELLED and NO_SHOW. Every method decides from the person asking what they may see or
 * change; every change and every refusal is audited.
 */
@Service
@Transactional
public class AppointmentService {

    /** How far ahead a slot can be booked. */
    public static final Duration BOOKING_HORIZON = Duration.ofDays(60);
    public static final String SLOT_JUST_TAKEN = "That time was booked by someone else a moment ago. Choose another time.";
    private static final Set<AppointmentStatus> OPEN = EnumSet.copyOf(
            Arrays.stream(AppointmentStatus.values()).filter(AppointmentStatus::isOpen).toList());

    private final AppointmentRepository appointments;
    private final DoctorProfileRepository doctors;
    private final PatientProfileRepository patients;
    private final WorkingHoursService workingHours;
    private final AppointmentAccess access;
    private final JoinWindow joinWindow;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final RoleGuard roles;
    private final Clock clock;

    public AppointmentService(AppointmentRepository appointments, DoctorProfileRepository doctors,
                              PatientProfileRepository patients, WorkingHoursService workingHours, AppointmentAccess access,
                              JoinWindow joinWindow, CurrentUser currentUser, AuditService audit, RoleGuard roles, Clock clock) {
        this.appointments = appointments;
        this.doctors = doctors;
        this.patients = patients;
        this.workingHours = workingHours;
        this.access = access;
        this.joinWindow = joinWindow;
        this.currentUser = currentUser;
        this.audit = audit;
        this.roles = roles;
        this.clock = clock;
    }

    // ---- reading -------------------------------------------------------------------------

    /** One appointment, for its doctor, its patient or an administrator; anyone else is refused and audited. */
    @Transactional(readOnly = true)
    public Appointment open(long appointmentId) {
        Appointment appointment = access.requireParticipantOrAdmin(appointmentId, AuditAction.VIEW_OPENED);
        audit.record(AuditAction.VIEW_OPENED, AuditOutcome.ALLOWED, subject(appointment), null);
        return appointment;
    }

    /**
     * A page of the asker's appointments: a doctor's own, a patient's own, or for an
     * administrator everyone's; narrowed by the filter and sorted as the pageable says.
     */
    @Transactional(readOnly = true)
    public List<Appointment> find(AppointmentFilter filter, Pageable pageable) {
        Sort sort = pageable.getSort().and(Sort.by("id"));
        Pageable stable = pageable.isPaged() ? PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), sort) : Pageable.unpaged(sort);
        SignedInUser user = roles.require(AuditAction.VIEW_OPENED, AuditService.Subject.none(), "list appointments", Role.values());
        return appointments.findBy(visibleTo(user).and(matching(filter, user)),
                query -> query.sortBy(sort).slice(stable).getContent());
    }

    @Transactional(readOnly = true)
    public long count(AppointmentFilter filter) {
        SignedInUser user = roles.require(AuditAction.VIEW_OPENED, AuditService.Subject.none(), "count appointments", Role.values());
        return appointments.count(visibleTo(user).and(matching(filter, user)));
    }

    /** The signed-in doctor's appointments on one day of the viewer's calendar, cancelled ones left out. */
    @Transactional(readOnly = true)
    public List<Appointment> doctorsDay(LocalDate day, ZoneId zone) {
        SignedInUser doctor = roles.require(AuditAction.VIEW_OPENED, AuditService.Subject.none(), "a doctor's day", Role.DOCTOR);
        return appointments.findBy(visibleTo(doctor).and(matching(AppointmentFilter.any(zone).withDay(day), doctor)),
                        query -> query.sortBy(Sort.by("startsAt")).all()).stream()
                .filter(appointment -> appointment.getStatus() != AppointmentStatus.CANCELLED)
                .toList();
    }

    /** The signed-in patient's appointments still to come (or under way), soonest first. */
    @Transactional(readOnly = true)
    public List<Appointment> upcomingForPatient(int limit) {
        SignedInUser patient = roles.require(AuditAction.VIEW_OPENED, AuditService.Subject.none(), "a patient's upcoming appointments", Role.PATIENT);
        Instant now = clock.instant();
        return appointments.findOpenForPatient(patient.accountId(), OPEN, now.minus(Appointment.LONGEST), PageRequest.of(0, limit * 2 + 10))
                .stream().filter(appointment -> appointment.isUpcoming(now)).limit(limit).toList();
    }

    /** The signed-in patient's past appointments, latest first. */
    @Transactional(readOnly = true)
    public List<Appointment> recentForPatient(int limit) {
        SignedInUser patient = roles.require(AuditAction.VIEW_OPENED, AuditService.Subject.none(), "a patient's past appointments", Role.PATIENT);
        Instant now = clock.instant();
        return appointments.findPastForPatient(patient.accountId(), OPEN, now, PageRequest.of(0, limit * 2 + 10))
                .stream().filter(appointment -> !appointment.isUpcoming(now)).limit(limit).toList();
    }

    // ---- booking -------------------------------------------------------------------------

    /** Specialties with at least one doctor taking appointments. */
    @Transactional(readOnly = true)
    public List<String> bookableSpecialties() {
        currentUser.require();
        return doctors.findActiveSpecialties();
    }

    @Transactional(readOnly = true)
    public List<DoctorProfile> bookableDoctors(String specialty) {
        currentUser.require();
        return specialty == null ? List.of() : doctors.findBySpecialtyAndAccountActiveTrueOrderByAccountFullName(specialty);
    }

    /**
     * Free slots with the doctor on a day of the viewer's calendar. For a patient they also
     * leave out times the patient is booked elsewhere.
     */
    @Transactional(readOnly = true)
    public List<Instant> freeSlots(long doctorProfileId, LocalDate day, ZoneId zone) {
        SignedInUser user = roles.require(AuditAction.VIEW_OPENED, AuditService.Subject.none(), "free slots", Role.PATIENT, Role.ADMIN);
        PatientProfile patient = user.is(Role.PATIENT) ? patientOf(user) : null;
        return freeSlots(bookableDoctor(doctorProfileId), patient, null, day, zone);
    }

    /** Free slots shared by a doctor and a patient, for an administrator booking on the patient's behalf. */
    @Transactional(readOnly = true)
    public List<Instant> freeSlotsFor(long patientProfileId, long doctorProfileId, LocalDate day, ZoneId zone) {
        roles.require(AuditAction.VIEW_OPENED, AuditService.Subject.none(), "free slots for a patient", Role.ADMIN);
        PatientProfile patient = patients.findById(patientProfileId).orElseThrow(NotFoundOrDeniedException::new);
        return freeSlots(bookableDoctor(doctorProfileId), patient, null, day, zone);
    }

    /** Free slots an appointment could move to, for its participants or an administrator. */
    @Transactional(readOnly = true)
    public List<Instant> freeSlotsToReschedule(long appointmentId, LocalDate day, ZoneId zone) {
        Appointment appointment = access.requireParticipantOrAdmin(appointmentId, AuditAction.VIEW_OPENED);
        return freeSlots(appointment.getDoctor(), appointment.getPatient(), appointment, day, zone);
    }

    /** The signed-in patient books a free slot with a doctor. */
    public Appointment book(long doctorProfileId, Instant startsAt, String reason) {
        SignedInUser user = roles.require(AuditAction.APPOINTMENT_CHANGED, AuditService.Subject.none(), "book for themselves", Role.PATIENT);
        return place(doctorProfileId, patientOf(user), startsAt, reason, true);
    }

    /** An administrator books a free slot for a patient. */
    public Appointment bookFor(long patientProfileId, long doctorProfileId, Instant startsAt, String reason) {
        roles.require(AuditAction.APPOINTMENT_CHANGED, AuditService.Subject.none(), "book for a patient", Role.ADMIN);
        PatientProfile patient = patients.findById(patientProfileId).orElseThrow(NotFoundOrDeniedException::new);
        return place(doctorProfileId, patient, startsAt, reason, false);
    }

    /** Moves a scheduled appointment to another free slot of the same doctor. */
    public Appointment reschedule(long appointmentId, Instant startsAt) {
        Appointment appointment = access.requireParticipantOrAdmin(appointmentId, AuditAction.APPOINTMENT_CHANGED);
        Instant before = appointment.getStartsAt();
        try {
            appointment.checkReschedulable();
            requireBookable(appointment.getDoctor(), appointment.getPatient(), startsAt, appointment, isPatient(appointment));
            appointment.reschedule(startsAt);
            appointments.saveAndFlush(appointment);
        } catch (DataIntegrityViolationException | PessimisticLockingFailureException taken) {
            throw refused(subject(appointment), new BusinessRuleException(SLOT_JUST_TAKEN));
        } catch (BusinessRuleException refusal) {
            throw refused(subject(appointment), refusal);
        }
        audit.record(AuditAction.APPOINTMENT_CHANGED, AuditOutcome.ALLOWED, subject(appointment),
                "rescheduled from " + before + " to " + startsAt);
        return appointment;
    }

    private Appointment place(long doctorProfileId, PatientProfile patient, Instant startsAt, String reason, boolean byPatient) {
        AuditService.Subject subject = new AuditService.Subject("appointment", null, patient.getAccount().getId());
        try {
            DoctorProfile doctor = bookableDoctor(doctorProfileId);
            String why = requireReason(reason);
            requireBookable(doctor, patient, startsAt, null, byPatient);
            Appointment appointment = appointments.saveAndFlush(
                    new Appointment(doctor, patient, startsAt, workingHours.slotLength(), why));
            audit.record(AuditAction.APPOINTMENT_CHANGED, AuditOutcome.ALLOWED, subject(appointment), "booked for " + startsAt);
            return appointment;
        } catch (DataIntegrityViolationException | PessimisticLockingFailureException taken) {
            // Two bookings raced past the check above: the database's unique slot constraints
            // refuse the second (H2 reports the clash as a lock timeout, PostgreSQL as a violation).
            throw refused(subject, new BusinessRuleException(SLOT_JUST_TAKEN));
        } catch (BusinessRuleException refusal) {
            throw refused(subject, refusal);
        }
    }

    private List<Instant> freeSlots(DoctorProfile doctor, PatientProfile patient, Appointment moving, LocalDate day, ZoneId zone) {
        Instant now = clock.instant();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        Instant latest = now.plus(BOOKING_HORIZON);
        List<Appointment> busy = new ArrayList<>(appointments.findDoctorSlotsStartingBetween(doctor.getId(), from.minus(Appointment.LONGEST), to));
        if (patient != null) {
            busy.addAll(appointments.findPatientSlotsStartingBetween(patient.getId(), from.minus(Appointment.LONGEST), to));
        }
        busy.removeIf(appointment -> appointment.equals(moving));
        Duration length = workingHours.slotLength();
        return workingHours.slotStarts(doctor, from, to).stream()
                .filter(start -> start.isAfter(now) && !start.isAfter(latest))
                .filter(start -> busy.stream().noneMatch(appointment -> appointment.overlaps(start, start.plus(length))))
                .toList();
    }

    private void requireBookable(DoctorProfile doctor, PatientProfile patient, Instant startsAt, Appointment moving, boolean byPatient) {
        Instant now = clock.instant();
        if (startsAt == null) {
            throw new BusinessRuleException("Choose a time.");
        }
        if (!patient.getAccount().isActive()) {
            throw new BusinessRuleException("This patient's account is deactivated.");
        }
        if (!startsAt.isAfter(now)) {
            throw new BusinessRuleException("That time has passed. Choose a time in the future.");
        }
        if (startsAt.isAfter(now.plus(BOOKING_HORIZON))) {
            throw new BusinessRuleException("Appointments can be booked up to " + BOOKING_HORIZON.toDays() + " days ahead.");
        }
        if (!workingHours.isSlotStart(doctor, startsAt)) {
            throw new BusinessRuleException(doctor.getDisplayName() + " does not see patients at that time. Choose one of the free times.");
        }
        Instant end = startsAt.plus(workingHours.slotLength());
        List<Appointment> around = appointments.findDoctorSlotsStartingBetween(doctor.getId(), startsAt.minus(Appointment.LONGEST), end);
        if (around.stream().anyMatch(other -> !other.equals(moving) && other.overlaps(startsAt, end))) {
            throw new BusinessRuleException(doctor.getDisplayName() + " already has an appointment at that time. Choose another time.");
        }
        List<Appointment> patientsOwn = appointments.findPatientSlotsStartingBetween(patient.getId(), startsAt.minus(Appointment.LONGEST), end);
        if (patientsOwn.stream().anyMatch(other -> !other.equals(moving) && other.overlaps(startsAt, end))) {
            throw new BusinessRuleException(byPatient
                    ? "You already have an appointment at that time. Choose another time."
                    : patient.getDisplayName() + " already has an appointment at that time. Choose another time.");
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new BusinessRuleException("Describe the reason for the visit.");
        }
        if (reason.strip().length() > Appointment.REASON_MAX) {
            throw new BusinessRuleException("Keep the reason to " + Appointment.REASON_MAX + " characters.");
        }
        return reason.strip();
    }

    private DoctorProfile bookableDoctor(long doctorProfileId) {
        DoctorProfile doctor = doctors.findById(doctorProfileId).orElseThrow(NotFoundOrDeniedException::new);
        if (!doctor.getAccount().isActive()) {
            throw new BusinessRuleException(doctor.getDisplayName() + " is not taking appointments.");
        }
        return doctor;
    }

    private PatientProfile patientOf(SignedInUser user) {
        return patients.findByAccountId(user.accountId()).orElseThrow(NotFoundOrDeniedException::new);
    }

    // ---- lifecycle -----------------------------------------------------------------------

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
            throw refused(subject(appointment),
                    new BusinessRuleException("A patient can be marked as a no-show only after the appointment's start time."));
        }
        change(appointment, AppointmentStatus.NO_SHOW);
        return appointment;
    }

    private void change(Appointment appointment, AppointmentStatus target) {
        AppointmentStatus before = appointment.getStatus();
        try {
            appointment.moveTo(target, clock.instant());
        } catch (BusinessRuleException refusal) {
            throw refused(subject(appointment), refusal);
        }
        audit.record(AuditAction.APPOINTMENT_CHANGED, AuditOutcome.ALLOWED, subject(appointment), before + " -> " + target);
    }

    private BusinessRuleException refused(AuditService.Subject subject, BusinessRuleException refusal) {
        audit.record(AuditAction.APPOINTMENT_CHANGED, AuditOutcome.DENIED, subject, refusal.getMessage());
        return refusal;
    }

    private boolean isPatient(Appointment appointment) {
        SignedInUser user = currentUser.require();
        return user.is(Role.PATIENT) && appointment.getPatient().getAccount().getId().equals(user.accountId());
    }

    // ---- queries -------------------------------------------------------------------------

    private static Specification<Appointment> visibleTo(SignedInUser user) {
        return switch (user.role()) {
            case DOCTOR -> (root, query, cb) -> cb.equal(root.get("doctor").get("account").get("id"), user.accountId());
            case PATIENT -> (root, query, cb) -> cb.equal(root.get("patient").get("account").get("id"), user.accountId());
            case ADMIN -> Specification.unrestricted();
        };
    }

    /** The filter as a query; the name is the other person's: the patient's for a doctor, the doctor's for a patient. */
    private static Specification<Appointment> matching(AppointmentFilter filter, SignedInUser asker) {
        List<Specification<Appointment>> parts = new ArrayList<>();
        if (filter.day() != null) {
            Instant from = filter.day().atStartOfDay(filter.zone()).toInstant();
            Instant to = filter.day().plusDays(1).atStartOfDay(filter.zone()).toInstant();
            parts.add((root, query, cb) -> cb.and(cb.greaterThanOrEqualTo(root.get("startsAt"), from),
                    cb.lessThan(root.get("startsAt"), to)));
        }
        if (filter.status() != null) {
            parts.add((root, query, cb) -> cb.equal(root.get("status"), filter.status()));
        }
        if (filter.name() != null && !filter.name().isBlank()) {
            String pattern = "%" + filter.name().strip().toLowerCase(Locale.ROOT) + "%";
            parts.add((root, query, cb) -> {
                Path<String> patientName = root.get("patient").get("account").get("fullName");
                Path<String> doctorName = root.get("doctor").get("account").get("fullName");
                return switch (asker.role()) {
                    case DOCTOR -> cb.like(cb.lower(patientName), pattern);
                    case PATIENT -> cb.like(cb.lower(doctorName), pattern);
                    case ADMIN -> cb.or(cb.like(cb.lower(patientName), pattern), cb.like(cb.lower(doctorName), pattern));
                };
            });
        }
        return Specification.allOf(parts);
    }

    public static AuditService.Subject subject(Appointment appointment) {
        return new AuditService.Subject("appointment", appointment.getId(), appointment.getPatient().getAccount().getId());
    }
}
