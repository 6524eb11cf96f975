package com.mediscan.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.mediscan.account.domain.UserAccountRepository;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentRepository;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.support.BrowserTest;
import com.mediscan.support.DemoUsers;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The patient downloads their whole record and the doctor a consultation, each with one click on Export (FHIR). */
class FhirExportBrowserIT extends BrowserTest {

    @Autowired
    AppointmentRepository appointments;
    @Autowired
    UserAccountRepository accounts;

    @Test
    void thePatientAndTheDoctorDownloadTheExport() throws Exception {
        Page patient = signedIn(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD);
        patient.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My Records")).click();
        Download record = exportFrom(patient);

        assertThat(record.suggestedFilename()).startsWith("patient-record-").endsWith(".fhir.json");
        Bundle whole = parse(record);
        assertThat(whole.getEntryFirstRep().getResource()).isInstanceOfSatisfying(Patient.class,
                kriya -> assertThat(kriya.getNameFirstRep().getText()).isEqualTo("Kriya Mehta"));
        assertThat(whole.getEntry()).anyMatch(entry -> entry.getResource() instanceof Encounter);

        Appointment pastVisit = appointments.findByPatientAccountIdOrderByStartsAtDesc(accounts.findByEmail(DemoUsers.KRIYA).orElseThrow().getId())
                .stream()
                .filter(a -> a.getStatus() == AppointmentStatus.COMPLETED && a.getDoctor().getAccount().getEmail().equals(DemoUsers.RAJESH))
                .findFirst().orElseThrow();
        Page doctor = signedIn(DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD);
        doctor.navigate(url("/records/" + pastVisit.getId()));
        Download consultation = exportFrom(doctor);

        assertThat(consultation.suggestedFilename()).isEqualTo("consultation-" + pastVisit.getId() + ".fhir.json");
        assertThat(parse(consultation).getEntry()).filteredOn(entry -> entry.getResource() instanceof Encounter).singleElement()
                .satisfies(entry -> assertThat(((Encounter) entry.getResource()).getIdentifierFirstRep().getValue())
                        .isEqualTo(String.valueOf(pastVisit.getId())));
    }

    /** Clicks Export (FHIR); a download the browser broke off fails with what the server answered. */
    private static Download exportFrom(Page page) {
        List<String> answers = new CopyOnWriteArrayList<>();
        page.onResponse(response -> {
            if (response.url().contains("/fhir/")) {
                answers.add(response.status() + " " + response.url() + " " + response.headers());
            }
        });
        page.onRequestFailed(request -> answers.add(request.failure() + " " + request.url()));
        Download download = page.waitForDownload(() ->
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Export (FHIR)")).click());
        assertThat(download.failure()).as("the download of %s; the page saw %s", download.url(), answers).isNull();
        return download;
    }

    private static Bundle parse(Download download) throws Exception {
        return FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, Files.readString(download.path()));
    }
}
