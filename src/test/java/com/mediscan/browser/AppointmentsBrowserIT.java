package com.mediscan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.support.BrowserTest;
import com.mediscan.support.ClinicFixtures;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The call buttons in a real browser, on appointments of this test's own (so other browser
 * tests moving the demo appointments along cannot disturb it): one about to start, one later the same day.
 */
class AppointmentsBrowserIT extends BrowserTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Clock clock;

    private DoctorProfile doctor;
    private PatientProfile patient;

    @BeforeEach
    void oneSoonOneLater() {
        ClinicFixtures fixtures = new ClinicFixtures(context);
        doctor = fixtures.newDoctor("Browser medicine");
        patient = fixtures.newPatient();
        Instant soon = clock.instant().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MINUTES);
        // Later, but today: its call opens 15 minutes before it, after the test. (Two hours later fell on
        // tomorrow's date for every run after 21:55, and the doctor's "Today" list then had one.)
        Instant later = soon.plus(Duration.ofMinutes(20));
        ZoneId browserZone = ZoneId.systemDefault(); // headless Chromium reports the machine's zone
        assumeTrue(LocalDate.ofInstant(later, browserZone).equals(LocalDate.ofInstant(clock.instant(), browserZone)),
                "both appointments must be today; within 25 minutes of midnight the later one cannot be");
        fixtures.appointment(doctor, patient, soon);
        fixtures.appointment(doctor, patient, later);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void theDoctorStartsTheCallThatIsAboutToBegin() {
        Page page = signedIn(doctor.getAccount().getEmail(), ClinicFixtures.PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Today's Appointments"))).isVisible();
        Locator start = button(page, "Start Video Call");
        assertThat(start).hasCount(2);
        assertThat(start.first()).isEnabled();
        start.first().click();
        assertThat(page).hasURL(Pattern.compile(".*/video-consultation/\\d+$"));
    }

    @Test
    void aCallButtonThatIsNotOpenYetSaysWhenItOpensOnHover() {
        Page page = signedIn(patient.getAccount().getEmail(), ClinicFixtures.PASSWORD);
        Locator later = button(page, "Join Call").nth(1);
        assertThat(later).isDisabled();
        later.hover();
        assertThat(page.getByText(Pattern.compile("The call opens 15 minutes before the appointment starts, at \\d\\d:\\d\\d on ")))
                .isVisible();
    }
}
