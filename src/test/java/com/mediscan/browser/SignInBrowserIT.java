package com.mediscan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.mediscan.support.BrowserTest;
import com.mediscan.support.DemoUsers;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SignInBrowserIT extends BrowserTest {

    @Test
    void eachDemoUserLandsOnTheirOwnHome() {
        Page doctor = signedIn(DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD);
        assertThat(doctor).hasURL(Pattern.compile(".*/doctor$"));
        assertThat(doctor.getByText("Dr. Rajesh Patel")).isVisible();

        Page patient = signedIn(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD);
        assertThat(patient).hasURL(Pattern.compile(".*/patient$"));

        Page admin = signedIn(DemoUsers.ADMIN, DemoUsers.ADMIN_PASSWORD);
        assertThat(admin).hasURL(Pattern.compile(".*/admin$"));
    }

    @Test
    void wrongPasswordShowsOneNeutralMessage() {
        Page page = newPerson();
        page.navigate(url("/login"));
        page.locator("input[name=username]").fill(DemoUsers.ARJUN);
        page.locator("input[name=password]").fill("not-the-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.getByText("Check your email and password and try again")).isVisible();
    }

    @Test
    void patientIsRefusedTheAdminArea() {
        Page patient = signedIn(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD);
        patient.navigate(url("/admin"));
        assertThat(patient.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not available"))).isVisible();
        assertThat(patient.getByText("Manage doctors, patients")).hasCount(0);
    }

    @Test
    void signOutEndsTheSession() {
        Page doctor = signedIn(DemoUsers.SNEHA, DemoUsers.DOCTOR_PASSWORD);
        doctor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        doctor.waitForURL(Pattern.compile(".*/login.*").asPredicate()::test);
        doctor.navigate(url("/doctor"));
        assertThat(doctor).hasURL(Pattern.compile(".*/login$"));
    }
}
