package com.mediscan.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import com.mediscan.account.domain.UserAccountRepository;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentRepository;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.support.BrowserTest;
import com.mediscan.support.DemoUsers;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The patient downloads their whole record and the doctor a consultation, each from the Export (FHIR) link.
 * An application of its own (the property only sets it apart), so a database with the demo data only,
 * closed after this class as {@code TurnRelayBrowserIT}'s is: in the database the other browser tests
 * share, on clean clones (whose test classes run in another order), an export sometimes answered 404
 * for a consultation another test had completed (session 5 note).
 */
@TestPropertySource(properties = "mediscan.test.own-application=fhir-export")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FhirExportBrowserIT extends BrowserTest {

    @Autowired
    AppointmentRepository appointments;
    @Autowired
    UserAccountRepository accounts;

    @Test
    void thePatientAndTheDoctorDownloadTheExport() {
        Page patient = signedIn(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD);
        patient.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My Records")).click();
        Export record = exportFrom(patient);

        assertThat(record.fileName()).startsWith("patient-record-").endsWith(".fhir.json");
        assertThat(record.bundle().getEntryFirstRep().getResource()).isInstanceOfSatisfying(Patient.class,
                kriya -> assertThat(kriya.getNameFirstRep().getText()).isEqualTo("Kriya Mehta"));
        assertThat(record.bundle().getEntry()).anyMatch(entry -> entry.getResource() instanceof Encounter);

        Appointment pastVisit = appointments.findByPatientAccountIdOrderByStartsAtDesc(accounts.findByEmail(DemoUsers.KRIYA).orElseThrow().getId())
                .stream()
                .filter(a -> a.getStatus() == AppointmentStatus.COMPLETED && a.getDoctor().getAccount().getEmail().equals(DemoUsers.RAJESH))
                .findFirst().orElseThrow();
        Page doctor = signedIn(DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD);
        doctor.navigate(url("/records/" + pastVisit.getId()));
        Export consultation = exportFrom(doctor);

        assertThat(consultation.fileName()).isEqualTo("consultation-" + pastVisit.getId() + ".fhir.json");
        assertThat(consultation.bundle().getEntry()).filteredOn(entry -> entry.getResource() instanceof Encounter).singleElement()
                .satisfies(entry -> assertThat(((Encounter) entry.getResource()).getIdentifierFirstRep().getValue())
                        .isEqualTo(String.valueOf(pastVisit.getId())));
    }

    /** What a press of Export (FHIR) saves: the file name the link gives and the Bundle its address answers. */
    private record Export(String fileName, Bundle bundle) {
    }

    /**
     * Follows the link as the browser does, with the person's own session: its resolved address and
     * its file name, fetched through the browser context's cookies. Not through Chromium's download
     * manager, which reports an error answer only as "canceled": fetched, a refused export says its
     * status (that is how the 404 above was found).
     */
    private static Export exportFrom(Page page) {
        Locator link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Export (FHIR)"));
        String address = (String) link.evaluate("a => a.href");
        String fileName = link.getAttribute("download");
        APIResponse answer = page.context().request().get(address);
        assertThat(answer.status()).as("%s answered", address).isEqualTo(200);
        assertThat(answer.headers().get("content-type")).startsWith("application/fhir+json");
        return new Export(fileName, FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, answer.text()));
    }
}
