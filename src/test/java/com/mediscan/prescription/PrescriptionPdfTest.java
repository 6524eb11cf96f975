package com.mediscan.prescription;

import static com.mediscan.support.SecurityTestSupport.actAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.account.service.AccountService;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.prescription.domain.MedicationLine;
import com.mediscan.prescription.domain.Prescription;
import com.mediscan.prescription.domain.PrescriptionContent;
import com.mediscan.prescription.service.CallPhase;
import com.mediscan.prescription.service.PdfFile;
import com.mediscan.prescription.service.PrescriptionService;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.MediScanSpringTest;
import com.mediscan.support.PdfReading;
import com.mediscan.support.SecurityTestSupport;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

@MediScanSpringTest
class PrescriptionPdfTest {

    @Autowired
    PrescriptionService service;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    UserDetailsService users;
    @Autowired
    ApplicationContext context;

    @AfterEach
    void signOut() {
        SecurityTestSupport.signOut();
    }

    @Test
    void thePdfCarriesClinicDoctorRegistrationPatientMedicinesAndSignature() throws Exception {
        Appointment appointment = new PrescriptionFixtures(context).appointment(DemoUsers.RAJESH, DemoUsers.KRIYA, AppointmentStatus.IN_PROGRESS);
        actAs(users, DemoUsers.RAJESH);
        Prescription issued = service.issue(appointment.getId(), PrescriptionFixtures.cardiology(), CallPhase.AFTER_CALL);

        actAs(users, DemoUsers.KRIYA);
        PdfFile pdf = service.pdf(issued.getId(), ZoneId.of("Asia/Kolkata"));

        assertThat(pdf.fileName()).isEqualTo("prescription-" + appointment.getId() + "-v1.pdf");
        String text = PdfReading.text(pdf.content());
        assertThat(text).contains("MediScan Clinic", "Dr. Rajesh Patel", "Cardiology", "MMC-2009-41872", "Kriya Mehta",
                "Date of birth 12 Apr 1991", "Stable angina", "Amlodipine", "5 mg", "Atorvastatin", "20 mg", "At bedtime",
                "Directions: Take in the morning", "Directions: Take after dinner", "Signed electronically on", "IST");
        assertThat(text).contains("______________________________");
        assertThat(auditEvents.findByRecordTypeAndRecordIdOrderByIdAsc("prescription", issued.getId()))
                .anyMatch(e -> e.getAction() == AuditAction.PRESCRIPTION_PRINTED && e.getOutcome() == AuditOutcome.ALLOWED
                        && DemoUsers.KRIYA.equals(e.getActorEmail()));
    }

    @Test
    void aSupersededVersionSaysItIsNotValid() throws Exception {
        Appointment appointment = new PrescriptionFixtures(context).appointment(DemoUsers.SNEHA, DemoUsers.KRIYA, AppointmentStatus.COMPLETED);
        actAs(users, DemoUsers.SNEHA);
        Prescription first = service.issue(appointment.getId(), PrescriptionFixtures.dermatology(), CallPhase.AFTER_CALL);
        var corrected = new PrescriptionContent("Contact dermatitis", null, null,
                List.of(new MedicationLine("Clobetasol propionate 0.05% cream", "Thin layer",
                        "Topical", "Once daily", "5 days", "1 tube", "Not on the face")));
        Prescription second = service.correct(first.getId(), corrected, CallPhase.AFTER_CALL);

        assertThat(PdfReading.text(service.pdf(first.getId(), ZoneId.of("UTC")).content()))
                .contains("SUPERSEDED by a later version: not valid for dispensing.", "Hydrocortisone 1% cream", "GMC-2014-77310");
        assertThat(PdfReading.text(service.pdf(second.getId(), ZoneId.of("UTC")).content()))
                .contains("Corrected version: replaces version 1.", "Clobetasol propionate", "Directions: Not on the face")
                .doesNotContain("Hydrocortisone");
    }

    @Test
    void aDevanagariNameAndTamilDirectionsAreShapedInEmbeddedNotoFonts() throws Exception {
        String tag = java.util.UUID.randomUUID().toString().substring(0, 8);
        String name = "प्रिया शर्मा";
        String tamil = "உணவுக்குப் பின் ஒரு மாத்திரை";
        var patient = context.getBean(AccountService.class).createPatient("priya-" + tag + "@fixture.test", name,
                "fixture-password", LocalDate.of(1990, 2, 3), null);
        Appointment appointment = new PrescriptionFixtures(context).appointment(DemoUsers.RAJESH, patient.getAccount().getEmail(),
                AppointmentStatus.IN_PROGRESS);
        actAs(users, DemoUsers.RAJESH);
        Prescription issued = service.issue(appointment.getId(), new PrescriptionContent("Hypertension (उच्च रक्तचाप)", null, null,
                List.of(new MedicationLine("Amlodipine", "5 mg", "Oral", "Once daily", "30 days", "30 tablets", tamil))),
                CallPhase.DURING_CALL);

        byte[] pdf = service.pdf(issued.getId(), ZoneId.of("Asia/Kolkata")).content();

        // What a reader copies or searches: the text as written, from the ActualText of each shaped run.
        assertThat(PdfReading.actualText(pdf)).contains(name, "Directions: " + tamil, "Hypertension (उच्च रक्तचाप)", "Dr. Rajesh Patel", "Amlodipine");
        // The glyphs themselves are shaped: conjuncts and the reph replace consonant + virama, Tamil
        // vowel signs join their consonants, so glyph by glyph the text no longer reads as typed.
        String glyphs = PdfReading.text(pdf);
        assertThat(glyphs).contains("Patient", "Amlodipine", "Directions:").doesNotContain(name, tamil).doesNotContain("\u094D");
        var embedded = java.util.regex.Pattern.compile("/BaseFont/(?:[A-Z]{6}\\+)?([A-Za-z-]+)")
                .matcher(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1)).results().map(match -> match.group(1)).distinct().toList();
        assertThat(embedded).contains("NotoSans-Regular", "NotoSans-Bold", "NotoSansTamil-Regular");
    }

    @Test
    void nobodyElseGetsThePdf() {
        Appointment appointment = new PrescriptionFixtures(context).appointment(DemoUsers.RAJESH, DemoUsers.KRIYA, AppointmentStatus.IN_PROGRESS);
        actAs(users, DemoUsers.RAJESH);
        Prescription issued = service.issue(appointment.getId(), PrescriptionFixtures.cardiology(), CallPhase.DURING_CALL);

        actAs(users, DemoUsers.ARJUN);
        assertThatThrownBy(() -> service.pdf(issued.getId(), ZoneId.of("UTC"))).isInstanceOf(NotFoundOrDeniedException.class);
        assertThat(auditEvents.findByActorEmailOrderByIdAsc(DemoUsers.ARJUN))
                .anyMatch(e -> e.getAction() == AuditAction.PRESCRIPTION_PRINTED && e.getOutcome() == AuditOutcome.DENIED);
    }
}
