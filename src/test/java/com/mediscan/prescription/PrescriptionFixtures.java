package com.mediscan.prescription;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.DoctorProfileRepository;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.account.domain.PatientProfileRepository;
import com.mediscan.account.domain.UserAccountRepository;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentRepository;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.prescription.domain.MedicationLine;
import com.mediscan.prescription.domain.PrescriptionContent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;

/**
 * Appointments of their own for prescription tests, so they never touch the demo clinic's
 * appointments that other tests rely on. Each gets a fresh slot, later than the one before, and
 * all lie years in the past, where no test looks for today's or upcoming appointments.
 */
public final class PrescriptionFixtures {

    private static final Instant FIRST_SLOT = Instant.parse("2020-01-06T09:00:00Z");
    private static final AtomicInteger NEXT_SLOT = new AtomicInteger();

    private final UserAccountRepository accounts;
    private final DoctorProfileRepository doctors;
    private final PatientProfileRepository patients;
    private final AppointmentRepository appointments;

    public PrescriptionFixtures(ApplicationContext context) {
        this.accounts = context.getBean(UserAccountRepository.class);
        this.doctors = context.getBean(DoctorProfileRepository.class);
        this.patients = context.getBean(PatientProfileRepository.class);
        this.appointments = context.getBean(AppointmentRepository.class);
    }

    /** An appointment in the given state: SCHEDULED, IN_PROGRESS (call under way) or COMPLETED. */
    public Appointment appointment(String doctorEmail, String patientEmail, AppointmentStatus status) {
        Instant startsAt = FIRST_SLOT.plus(Duration.ofHours(NEXT_SLOT.getAndIncrement()));
        Appointment appointment = new Appointment(doctor(doctorEmail), patient(patientEmail), startsAt, Duration.ofMinutes(30), "Test consultation");
        if (status == AppointmentStatus.IN_PROGRESS || status == AppointmentStatus.COMPLETED) {
            appointment.moveTo(AppointmentStatus.IN_PROGRESS, startsAt.plusSeconds(60));
        }
        if (status == AppointmentStatus.COMPLETED) {
            appointment.moveTo(AppointmentStatus.COMPLETED, startsAt.plusSeconds(900));
        } else if (status != AppointmentStatus.SCHEDULED && status != AppointmentStatus.IN_PROGRESS) {
            appointment.moveTo(status, startsAt);
        }
        return appointments.saveAndFlush(appointment);
    }

    public Appointment reload(Appointment appointment) {
        return appointments.findById(appointment.getId()).orElseThrow();
    }

    private DoctorProfile doctor(String email) {
        return doctors.findByAccountId(accounts.findByEmail(email).orElseThrow().getId()).orElseThrow();
    }

    private PatientProfile patient(String email) {
        return patients.findByAccountId(accounts.findByEmail(email).orElseThrow().getId()).orElseThrow();
    }

    /** The cardiology example: stable angina, two heart medications. */
    public static PrescriptionContent cardiology() {
        return new PrescriptionContent("Stable angina", "Walk 30 minutes daily; avoid heavy exertion.", LocalDate.now().plusDays(30), List.of(
                new MedicationLine("Amlodipine", "5 mg", "Oral", "Once daily", "30 days", "30 tablets", "Take in the morning"),
                new MedicationLine("Atorvastatin", "20 mg", "Oral", "At bedtime", "30 days", "30 tablets", "Take after dinner")));
    }

    /** The dermatology example: contact dermatitis, a cream and an antihistamine. */
    public static PrescriptionContent dermatology() {
        return new PrescriptionContent("Contact dermatitis", null, null, List.of(
                new MedicationLine("Hydrocortisone 1% cream", "Thin layer", "Topical", "Twice daily", "7 days", "1 tube (15 g)",
                        "Apply to the rash only"),
                new MedicationLine("Cetirizine", "10 mg", "Oral", "At bedtime", "7 days", "7 tablets", null)));
    }
}
