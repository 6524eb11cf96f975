package com.mediscan.browser;

import static com.mediscan.support.CallPages.button;
import static com.mediscan.support.CallPages.connected;
import static com.mediscan.support.CallPages.status;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.Application;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.support.BrowserTest;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.TestAppointments;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server restarts in the middle of a call. Media is peer-to-peer, so it keeps flowing while
 * the server is down; when the server is back, both pages find their persisted sessions, reload
 * into the running call and connect again. This test runs its own application (on its own port
 * and H2 file) so it can stop and start it; the browser comes from {@link BrowserTest}.
 */
class ServerRestartBrowserIT extends BrowserTest {

    private static final String FRAMES_DECODED = """
            async () => {
              let frames = 0;
              const pc = document.querySelector('mediscan-call')?.peerConnection;
              if (pc) (await pc.getStats()).forEach(report => {
                if (report.type === 'inbound-rtp' && report.kind === 'video') frames = report.framesDecoded ?? 0;
              });
              return frames;
            }""";

    @TempDir
    Path dataDir;

    private int appPort;
    private ConfigurableApplicationContext app;

    @Override
    protected String url(String path) {
        return "http://localhost:" + appPort + path;
    }

    @AfterEach
    void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aCallSurvivesARestartOfTheServer() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            appPort = free.getLocalPort();
        }
        app = startApp();
        Appointment appointment = TestAppointments.joinableNow(app, DemoUsers.RAJESH, DemoUsers.KRIYA);
        Page patient = join(signedIn(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD), appointment);
        Page doctor = join(signedIn(DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD), appointment);
        connected(patient, doctor);
        patient.evaluate("() => window.beforeRestart = true");
        doctor.evaluate("() => window.beforeRestart = true");

        app.close();
        app = null;
        framesKeepArriving(patient);
        framesKeepArriving(doctor);

        app = startApp();
        // Vaadin finds its UI gone with the old server and reloads the page, which rejoins the running call.
        Page.WaitForFunctionOptions serverBack = new Page.WaitForFunctionOptions().setTimeout(90_000);
        patient.waitForFunction("() => window.beforeRestart === undefined", null, serverBack);
        doctor.waitForFunction("() => window.beforeRestart === undefined", null, serverBack);
        assertThat(patient).hasURL(url("/video-consultation/" + appointment.getId()));
        connected(patient, doctor);
        for (Page page : new Page[] {patient, doctor}) {
            // Back into the running call: no check before joining over it.
            assertThat(button(page, "Join now")).isHidden();
            assertThat(page.locator(".consultation-view")).hasAttribute("data-phase", "connected");
        }
        framesKeepArriving(patient);
        framesKeepArriving(doctor);
        assertThat(TestAppointments.reload(app, appointment).getCallStartedAt()).isNotNull();
        assertThat(doctor.locator(".call-timer")).isVisible();
    }

    private ConfigurableApplicationContext startApp() {
        // Command-line arguments outrank the test profile's in-memory database.
        return new SpringApplicationBuilder(Application.class).profiles("test").run(
                "--server.port=" + appPort,
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("mediscan")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "--server.servlet.session.persistent=true",
                "--server.servlet.session.store-dir=" + dataDir.resolve("sessions"));
    }

    private Page join(Page page, Appointment appointment) {
        page.navigate(url("/video-consultation/" + appointment.getId()));
        button(page, "Join now").click();
        return page;
    }



    private static void framesKeepArriving(Page page) {
        long before = ((Number) page.evaluate(FRAMES_DECODED)).longValue();
        for (int attempt = 0; attempt < 40; attempt++) {
            page.waitForTimeout(250);
            if (((Number) page.evaluate(FRAMES_DECODED)).longValue() > before) {
                return;
            }
        }
        throw new AssertionError("No new video frames decoded in 10 s");
    }
}
