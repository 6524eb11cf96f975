package com.mediscan.prescription;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.mediscan.account.domain.UserAccountRepository;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentRepository;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.prescription.domain.PrescriptionRepository;
import com.mediscan.prescription.domain.PrescriptionStatus;
import com.mediscan.support.BrowserTest;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.PrescriptionForm;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A doctor writes a two-medicine prescription from a past consultation's record, using only the
 * form's accessible names, and the patient then finds it under My Records.
 */
class PrescriptionRecordBrowserIT extends BrowserTest {

    @Autowired
    AppointmentRepository appointments;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    PrescriptionRepository prescriptions;

    @Test
    void theDoctorWritesAPrescriptionAfterTheCallAndThePatientFindsIt() {
        Appointment pastVisit = appointments.findByPatientAccountIdOrderByStartsAtDesc(accounts.findByEmail(DemoUsers.KRIYA).orElseThrow().getId())
                .stream()
                .filter(a -> a.getStatus() == AppointmentStatus.COMPLETED && a.getDoctor().getAccount().getEmail().equals(DemoUsers.RAJESH))
                // Other browser tests share this database and may already have prescribed for a recent visit.
                .filter(a -> prescriptions.findByAppointmentIdAndStatusInOrderByVersionNumberDesc(a.getId(), List.of(PrescriptionStatus.values())).isEmpty())
                .findFirst().orElseThrow();

        Page doctor = signedIn(DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD);
        doctor.navigate(url("/records/" + pastVisit.getId()));
        doctor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Write prescription")).click();
        doctor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save prescription")).click();
        assertThat(doctor.getByText("Enter a diagnosis.").first()).isVisible();

        doctor.getByLabel("Diagnosis").fill("Stable angina");
        PrescriptionForm.medication(doctor, 1, "Amlodipine", "Oral", "5 mg", "Once daily", "30 days", "Take in the morning");
        doctor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add medication")).click();
        PrescriptionForm.medication(doctor, 2, "Atorvastatin", "Oral", "20 mg", "At bedtime", "30 days", "Take after dinner");
        doctor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save prescription")).click();
        assertThat(doctor.getByText("Prescription version 1 saved and signed.").first()).isVisible();

        Page patient = signedIn(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD);
        patient.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My Records")).click();
        Locator consultation = patient.locator(".consultation-record")
                .filter(new Locator.FilterOptions().setHas(patient.locator("a[href='records/" + pastVisit.getId() + "']")));
        assertThat(consultation).containsText("Dr. Rajesh Patel");
        assertThat(consultation).containsText("Stable angina");
        assertThat(consultation).containsText("Amlodipine");
        assertThat(consultation).containsText("Atorvastatin");
        assertThat(consultation).containsText("Take after dinner");
    }
}
