package com.mediscan.browser;

import static com.mediscan.support.CallPages.button;
import static com.mediscan.support.CallPages.connected;
import static com.mediscan.support.CallPages.status;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.appointment.domain.ConsentAgreementRepository;
import com.mediscan.appointment.domain.ConsentVersion;
import com.mediscan.appointment.service.TelehealthConsentService;
import com.mediscan.support.BrowserTest;
import com.mediscan.support.CallPages;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.SecurityTestSupport;
import com.mediscan.support.TestAppointments;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The walk of the demo clinic with check-in, in real Chromium: Dr. Patel keeps his dashboard open;
 * Kriya opens her consultation, agrees to the clinic's telehealth consent, confirms her date of
 * birth, says where she is and checks in; the dashboard's "Waiting patients" shows her, pushed
 * without a reload and with a chime; Dr. Patel starts the call from there and both are connected.
 */
class CheckInBrowserIT extends BrowserTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    TelehealthConsentService consent;
    @Autowired
    ConsentAgreementRepository agreements;
    @Autowired
    UserDetailsService users;

    /** A new version of the consent text, so that Kriya is asked whatever earlier tests agreed to. */
    private ConsentVersion newConsentVersion() {
        SecurityTestSupport.actAs(users, DemoUsers.ADMIN);
        try {
            return consent.publish("Telehealth consent for the browser test.\n\nA video visit has limits.");
        } finally {
            SecurityTestSupport.signOut();
        }
    }

    @Test
    void kriyaAgreesChecksInAndDrPatelSeesHerWaitingThenStartsTheCall() {
        Appointment appointment = TestAppointments.joinableNow(context, DemoUsers.RAJESH, DemoUsers.KRIYA);
        ConsentVersion version = newConsentVersion();

        Page doctor = signedIn(DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD);
        doctor.navigate(url("/doctor"));
        Locator queue = doctor.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Waiting patients"));
        assertThat(queue).isAttached();
        assertThat(queue.getByRole(AriaRole.LISTITEM)).hasCount(0);
        doctor.evaluate("() => window.dashboardNotReloaded = true");

        Page patient = signedIn(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD);
        patient.navigate(url("/video-consultation/" + appointment.getId()));
        assertThat(patient.getByText("Telehealth consent for the browser test.")).isVisible();
        button(patient, "I agree").click();

        Locator dateOfBirth = patient.getByLabel("Date of birth", new Page.GetByLabelOptions().setExact(true));
        dateOfBirth.fill("1990-01-01");
        dateOfBirth.press("Enter");
        Locator place = patient.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Where are you now?"));
        CallPages.choose(patient, place, "Country", "India");
        CallPages.choose(patient, place, "State or region", "Maharashtra");
        Locator region = place.getByRole(AriaRole.COMBOBOX, new Locator.GetByRoleOptions().setName("State or region").setExact(true));
        place.getByLabel("Town, address or other details").fill("Home, Bandra");
        patient.getByLabel("Reason for the visit").fill("Palpitations again since Monday");
        button(patient, "Check in").click();
        Locator checkIn = patient.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Check-in"));
        assertThat(checkIn.getByText("This date of birth does not match our records. 2 attempts left.")).isVisible();
        assertThat(region).hasValue("Maharashtra");

        dateOfBirth.fill(DemoUsers.KRIYA_DATE_OF_BIRTH);
        dateOfBirth.press("Enter");
        button(patient, "Check in").click();
        button(patient, "Join now").click();
        assertThat(status(patient)).hasText("Waiting");
        assertThat(agreements.findByPatientAccountIdOrderByAgreedAtDesc(appointment.getPatient().getAccount().getId()))
                .first().satisfies(agreed -> assertThat(agreed.getConsentVersion().getId()).isEqualTo(version.getId()));

        Locator kriya = queue.getByRole(AriaRole.LISTITEM).filter(new Locator.FilterOptions().setHasText("Kriya Mehta"));
        assertThat(kriya).hasCount(1);
        assertThat(kriya).containsText("Consent ✓");
        assertThat(kriya).containsText("Identity ✓");
        assertThat(kriya).containsText("Maharashtra, India (Home, Bandra)");
        assertThat(kriya).containsText("Updated reason: Palpitations again since Monday");
        assertThat(kriya).containsText("Waiting since");
        assertThat((Boolean) doctor.evaluate("() => window.dashboardNotReloaded === true")).as("pushed, not reloaded").isTrue();
        assertThat(((Number) doctor.evaluate("() => window.mediscanChimes ?? 0")).intValue()).as("a chime rang").isGreaterThanOrEqualTo(1);

        kriya.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start Video Call")).click();
        assertThat(doctor).hasURL(url("/video-consultation/" + appointment.getId()));
        button(doctor, "Join now").click();
        connected(doctor, patient);
        assertThat(TestAppointments.reload(context, appointment).getStatus()).isEqualTo(AppointmentStatus.IN_PROGRESS);
    }
}
