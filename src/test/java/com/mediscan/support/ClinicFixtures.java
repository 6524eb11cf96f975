package com.mediscan.support;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.DoctorProfileRepository;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.account.domain.PatientProfileRepository;
import com.mediscan.account.domain.UserAccountRepository;
import com.mediscan.account.service.AccountService;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentRepository;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.appointment.domain.WorkingHours;
import com.mediscan.appointment.domain.WorkingHoursRepository;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/**
 * People and appointments of a test's own, so tests sharing a context and a database do not
 * meet each other's bookings. Written straight to the repositories: no rules, no audit.
 */
public final class ClinicFixtures {

    public static final String PASSWORD = "fixture-password";
    /** Working hours of fixture doctors: every day, in the clinic's zone. */
    public static final LocalTime OPENS = LocalTime.of(8, 0);
    public static final LocalTime CLOSES = LocalTime.of(20, 0);

    private final AccountService accountService;
    private final UserAccountRepository accounts;
    private final DoctorProfileRepository doctors;
    private final PatientProfileRepository patients;
    private final WorkingHoursRepository workingHours;
    private final AppointmentRepository appointments;

    public ClinicFixtures(ApplicationContext context) {
        this.accountService = context.getBean(AccountService.class);
        this.accounts = context.getBean(UserAccountRepository.class);
        this.doctors = context.getBean(DoctorProfileRepository.class);
        this.patients = context.getBean(PatientProfileRepository.class);
        this.workingHours = context.getBean(WorkingHoursRepository.class);
        this.appointments = context.getBean(AppointmentRepository.class);
    }

    public DoctorProfile newDoctor(String specialty) {
        return newDoctor(specialty, EnumSet.allOf(DayOfWeek.class));
    }

    public DoctorProfile newDoctor(String specialty, Set<DayOfWeek> workingDays) {
        String tag = tag();
        DoctorProfile doctor = accountService.createDoctor("doctor-" + tag + "@fixture.test", "Fixture Doctor " + tag,
                PASSWORD, specialty, "REG-" + tag);
        for (DayOfWeek day : workingDays) {
            workingHours.save(new WorkingHours(doctor, day, OPENS, CLOSES));
        }
        return doctor;
    }

    public PatientProfile newPatient() {
        String tag = tag();
        return accountService.createPatient("patient-" + tag + "@fixture.test", "Fixture Patient " + tag, PASSWORD,
                LocalDate.of(1980, 1, 1), null);
    }

    public Appointment appointment(DoctorProfile doctor, PatientProfile patient, Instant startsAt) {
        return appointments.save(new Appointment(doctor, patient, startsAt, Duration.ofMinutes(30), "Fixture visit"));
    }

    /** An appointment taken through the given statuses, each at its start time. */
    public Appointment appointment(DoctorProfile doctor, PatientProfile patient, Instant startsAt, AppointmentStatus... path) {
        Appointment appointment = new Appointment(doctor, patient, startsAt, Duration.ofMinutes(30), "Fixture visit");
        for (AppointmentStatus step : path) {
            appointment.moveTo(step, startsAt);
        }
        return appointments.save(appointment);
    }

    public DoctorProfile doctor(String email) {
        return doctors.findByAccountId(accounts.findByEmail(email).orElseThrow().getId()).orElseThrow();
    }

    public PatientProfile patient(String email) {
        return patients.findByAccountId(accounts.findByEmail(email).orElseThrow().getId()).orElseThrow();
    }

    public Appointment reload(Appointment appointment) {
        return appointments.findById(appointment.getId()).orElseThrow();
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
