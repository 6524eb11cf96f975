package com.mediscan.support;

import com.mediscan.account.domain.DoctorProfileRepository;
import com.mediscan.account.domain.PatientProfileRepository;
import com.mediscan.account.domain.UserAccountRepository;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;

/**
 * Appointments made for one test, so tests that end or complete a call do not use up the demo
 * clinic's. Each starts a different number of minutes ago: its join window is open and its
 * booked slot clashes with no other.
 */
public final class TestAppointments {

    private static final AtomicInteger made = new AtomicInteger();

    private TestAppointments() {
    }

    /** A SCHEDULED appointment of the doctor with the patient whose consultation may be entered now. */
    public static Appointment joinableNow(ApplicationContext context, String doctorEmail, String patientEmail) {
        UserAccountRepository accounts = context.getBean(UserAccountRepository.class);
        var doctor = context.getBean(DoctorProfileRepository.class)
                .findByAccountId(accounts.findByEmail(doctorEmail).orElseThrow().getId()).orElseThrow();
        var patient = context.getBean(PatientProfileRepository.class)
                .findByAccountId(accounts.findByEmail(patientEmail).orElseThrow().getId()).orElseThrow();
        Instant startsAt = context.getBean(Clock.class).instant().truncatedTo(ChronoUnit.SECONDS)
                .minusSeconds(60L * made.incrementAndGet() + 7);
        return context.getBean(AppointmentRepository.class)
                .save(new Appointment(doctor, patient, startsAt, Duration.ofMinutes(30), "Test consultation"));
    }

    /** As {@link #joinableNow}, with the patient's check-in done, so the patient may enter the room. */
    public static Appointment checkedInNow(ApplicationContext context, String doctorEmail, String patientEmail) {
        return TestCheckIns.checkedIn(context, joinableNow(context, doctorEmail, patientEmail));
    }

    public static Appointment reload(ApplicationContext context, Appointment appointment) {
        return context.getBean(AppointmentRepository.class).findById(appointment.getId()).orElseThrow();
    }
}
