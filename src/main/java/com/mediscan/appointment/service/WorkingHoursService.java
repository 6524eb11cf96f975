package com.mediscan.appointment.service;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.DoctorProfileRepository;
import com.mediscan.account.domain.Role;
import com.mediscan.appointment.domain.WorkingHours;
import com.mediscan.appointment.domain.WorkingHoursRepository;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.audit.service.AuditService;
import com.mediscan.audit.service.RoleGuard;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.security.CurrentUser;
import com.mediscan.security.SignedInUser;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Doctors' weekly working hours and the bookable slots cut from them. Hours are wall-clock times
 * in the clinic's time zone; each slot is one consultation long and starts on the hour's grid.
 */
@Service
@Transactional
public class WorkingHoursService {

    /** One weekday's span; the week is a list of these, a missing day meaning no appointments. */
    public record DayHours(DayOfWeek day, LocalTime start, LocalTime end) {
    }

    private final WorkingHoursRepository workingHours;
    private final DoctorProfileRepository doctors;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final RoleGuard roles;
    private final ZoneId clinicZone;
    private final Duration slotLength;

    public WorkingHoursService(WorkingHoursRepository workingHours, DoctorProfileRepository doctors, CurrentUser currentUser,
                               AuditService audit, RoleGuard roles, @Value("${mediscan.clinic.time-zone:}") String clinicZone,
                               @Value("${mediscan.appointment.length:PT30M}") Duration slotLength) {
        this.workingHours = workingHours;
        this.doctors = doctors;
        this.currentUser = currentUser;
        this.audit = audit;
        this.roles = roles;
        this.clinicZone = clinicZone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(clinicZone);
        this.slotLength = slotLength;
    }

    public ZoneId clinicZone() {
        return clinicZone;
    }

    /** How long one consultation, and so one slot, lasts. */
    public Duration slotLength() {
        return slotLength;
    }

    /** The doctor's week, Monday first; for an administrator or the doctor themself. */
    @Transactional(readOnly = true)
    public List<DayHours> hoursOf(long doctorProfileId) {
        SignedInUser user = currentUser.find().orElse(null);
        DoctorProfile doctor = doctors.findById(doctorProfileId).orElse(null);
        if (user == null || doctor == null || !user.is(Role.ADMIN) && !doctor.getAccount().getId().equals(user.accountId())) {
            audit.record(AuditAction.VIEW_OPENED, AuditOutcome.DENIED, new AuditService.Subject("doctor_profile", doctorProfileId, null),
                    user == null ? "not signed in: working hours" : doctor == null ? "no such doctor" : "working hours of another doctor");
            throw new NotFoundOrDeniedException();
        }
        return week(doctor);
    }

    /** Replaces the doctor's week. Administrators only. */
    public void setHours(long doctorProfileId, List<DayHours> week) {
        AuditService.Subject subject = new AuditService.Subject("doctor_profile", doctorProfileId, null);
        roles.require(AuditAction.ACCOUNT_CHANGED, subject, "set working hours", Role.ADMIN);
        DoctorProfile doctor = doctors.findById(doctorProfileId).orElseThrow(NotFoundOrDeniedException::new);
        Map<DayOfWeek, DayHours> wanted = new EnumMap<>(DayOfWeek.class);
        for (DayHours day : week) {
            problemWith(day).ifPresent(problem -> {
                throw new BusinessRuleException(problem);
            });
            if (wanted.put(day.day(), day) != null) {
                throw new BusinessRuleException(dayName(day.day()) + " is listed twice; give each day one span.");
            }
        }
        for (WorkingHours existing : workingHours.findByDoctorId(doctorProfileId)) {
            DayHours replacement = wanted.remove(existing.getDayOfWeek());
            if (replacement == null) {
                workingHours.delete(existing);
            } else {
                existing.change(replacement.start(), replacement.end());
            }
        }
        wanted.values().forEach(day -> workingHours.save(new WorkingHours(doctor, day.day(), day.start(), day.end())));
        audit.record(AuditAction.ACCOUNT_CHANGED, AuditOutcome.ALLOWED, subject, "working hours: " + describe(week));
    }

    /** Why this day's span cannot be used, in words for the person entering it; empty when it can. */
    public Optional<String> problemWith(DayHours day) {
        String name = dayName(day.day());
        if (day.start() == null || day.end() == null) {
            return Optional.of("Enter both a start and an end time for " + name + ".");
        }
        if (!day.end().isAfter(day.start())) {
            return Optional.of("On " + name + " the end time must be after the start time.");
        }
        if (Duration.between(day.start(), day.end()).compareTo(slotLength) < 0) {
            return Optional.of("On " + name + " the hours must fit at least one " + slotLength.toMinutes() + "-minute consultation.");
        }
        return Optional.empty();
    }

    /** Every slot start of the doctor's working hours in [from, to), in order. */
    @Transactional(readOnly = true)
    public List<Instant> slotStarts(DoctorProfile doctor, Instant from, Instant to) {
        Map<DayOfWeek, WorkingHours> byDay = workingHours.findByDoctorId(doctor.getId()).stream()
                .collect(Collectors.toMap(WorkingHours::getDayOfWeek, hours -> hours));
        TreeSet<Instant> starts = new TreeSet<>();
        LocalDate last = to.atZone(clinicZone).toLocalDate();
        for (LocalDate date = from.atZone(clinicZone).toLocalDate(); !date.isAfter(last); date = date.plusDays(1)) {
            WorkingHours hours = byDay.get(date.getDayOfWeek());
            if (hours == null) {
                continue;
            }
            long end = hours.getEndTime().toSecondOfDay();
            for (long start = hours.getStartTime().toSecondOfDay(); start + slotLength.toSeconds() <= end;
                 start += slotLength.toSeconds()) {
                Instant slot = ZonedDateTime.of(date, LocalTime.ofSecondOfDay(start), clinicZone).toInstant();
                if (!slot.isBefore(from) && slot.isBefore(to)) {
                    starts.add(slot);
                }
            }
        }
        return List.copyOf(starts);
    }

    /** Whether an appointment may start at this instant according to the doctor's hours. */
    @Transactional(readOnly = true)
    public boolean isSlotStart(DoctorProfile doctor, Instant start) {
        return slotStarts(doctor, start, start.plusNanos(1)).contains(start);
    }

    private List<DayHours> week(DoctorProfile doctor) {
        return workingHours.findByDoctorId(doctor.getId()).stream()
                .map(hours -> new DayHours(hours.getDayOfWeek(), hours.getStartTime(), hours.getEndTime()))
                .sorted(Comparator.comparing(DayHours::day))
                .toList();
    }

    private static String describe(List<DayHours> week) {
        if (week.isEmpty()) {
            return "none";
        }
        return week.stream().sorted(Comparator.comparing(DayHours::day))
                .map(day -> day.day().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + day.start() + "-" + day.end())
                .collect(Collectors.joining(", "));
    }

    public static String dayName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
