package com.mediscan.load;

import static com.mediscan.support.CallPages.button;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.load.LoadMetrics.Kind;
import com.mediscan.support.BrowserTest;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.TestAppointments;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Does the driver measure what a person would see? One quiet room at a time, the same chat exchange
 * (doctor types and presses Send, the message shows up on the patient's side) is timed between two
 * real Chromium pages and between two driver participants, alternating, on the same server. The
 * browser's figure runs from the Send button's click event in the doctor's page to the message's
 * text appearing in the patient page's DOM (a MutationObserver; both pages read the same clock).
 * Run by {@code ./mvnw verify -Pload -Dload.tests=**}{@code /load/ChatLatencyHonestyCheck.java}.
 */
class ChatLatencyHonestyCheck extends BrowserTest {

    private static final int MESSAGES = Integer.getInteger("load.honesty.messages", 15);
    private static final double TOLERANCE_MS = Double.parseDouble(System.getProperty("load.honesty.tolerance-ms", "10"));
    private static final String SEND_CLOCK = """
            () => document.addEventListener('click', event => {
              if (event.composedPath().some(node => node.tagName === 'VAADIN-BUTTON' && node.textContent.trim() === 'Send')) {
                window.sentAt = performance.timeOrigin + performance.now();
              }
            }, true)
            """;
    private static final String ARRIVAL_CLOCK = """
            token => {
              window.arrivedAt = undefined;
              const seen = () => [...document.querySelectorAll('vaadin-message')].some(message => message.textContent.includes(token));
              const observer = new MutationObserver(() => {
                if (seen()) { window.arrivedAt = performance.timeOrigin + performance.now(); observer.disconnect(); }
              });
              observer.observe(document.body, { childList: true, subtree: true, characterData: true });
            }
            """;

    @Autowired
    ApplicationContext context;

    @Test
    void driverAndBrowsersSeeTheSameChatLatency() throws Exception {
        // The browsers' patient is checked in beforehand; the driver's checks in on the page (CheckInByProtocol).
        Appointment browserRoom = TestAppointments.checkedInNow(context, DemoUsers.RAJESH, DemoUsers.KRIYA);
        Page doctorPage = inRoom(signedIn(DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD), browserRoom);
        Page patientPage = inRoom(signedIn(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD), browserRoom);
        doctorPage.evaluate(SEND_CLOCK);

        Appointment driverRoom = TestAppointments.joinableNow(context, DemoUsers.RAJESH, DemoUsers.KRIYA);
        LoadErrors errors = new LoadErrors();
        LoadMetrics metrics = new LoadMetrics();
        var http = ProtocolSession.sharedClient();
        URI base = URI.create(url("/"));
        Participant doctor = driver(new ProtocolSession(base, http, errors, "doctor"), true, metrics, DemoUsers.RAJESH,
                DemoUsers.DOCTOR_PASSWORD, driverRoom);
        Participant patient = driver(new ProtocolSession(base, http, errors, "patient"), false, metrics, DemoUsers.KRIYA,
                DemoUsers.PATIENT_PASSWORD, driverRoom);
        browserChat(doctorPage, patientPage, "warm-up"); // the first of each kind warms up, unmeasured
        doctor.chat(patient, "Warm-up", Duration.ZERO);
        Thread.sleep(1500);
        metrics.measuring = true;

        double[] browserMillis = new double[MESSAGES];
        for (int i = 0; i < MESSAGES; i++) {
            browserMillis[i] = browserChat(doctorPage, patientPage, "honesty-" + i + "-" + System.nanoTime());
            Thread.sleep(1500); // within the chat's rate limit of 8 messages per 10 s and person
            doctor.chat(patient, "Driver", Duration.ZERO);
            Thread.sleep(1500);
        }
        doctor.leave();
        patient.leave();

        Arrays.sort(browserMillis);
        LoadMetrics.Summary driver = metrics.summary(Kind.CHAT);
        double browserMedian = browserMillis[(MESSAGES - 1) / 2];
        double driverMedian = driver.percentileMillis(50);
        System.out.printf(Locale.ROOT, "%nChat latency in one quiet room, %d messages each (median / min / max ms):%n", MESSAGES);
        System.out.printf(Locale.ROOT, "  two Chromium pages (click → text in the other page's DOM)  %6.1f %6.1f %6.1f%n",
                browserMedian, browserMillis[0], browserMillis[MESSAGES - 1]);
        System.out.printf(Locale.ROOT, "  load driver (Send request → message applied from push)     %6.1f %6.1f %6.1f%n",
                driverMedian, driver.percentileMillis(0), driver.maxMillis());
        System.out.printf(Locale.ROOT, "  difference of medians %.1f ms (tolerance %.0f ms)%n", browserMedian - driverMedian, TOLERANCE_MS);

        assertThat(errors.byKind()).isEmpty();
        assertThat(driver.count()).isEqualTo(MESSAGES);
        assertThat(Math.abs(browserMedian - driverMedian)).isLessThanOrEqualTo(TOLERANCE_MS);
    }

    /** Milliseconds from the Send click in the doctor's page to the text in the patient's page. */
    private static double browserChat(Page doctorPage, Page patientPage, String token) {
        patientPage.evaluate(ARRIVAL_CLOCK, token);
        doctorPage.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Message")).fill("Browser " + token);
        button(doctorPage, "Send").click();
        double arrived = ((Number) patientPage.waitForFunction("() => window.arrivedAt").jsonValue()).doubleValue();
        double sent = ((Number) doctorPage.evaluate("() => window.sentAt")).doubleValue();
        return arrived - sent;
    }

    private Page inRoom(Page page, Appointment appointment) {
        page.navigate(url("/video-consultation/" + appointment.getId()));
        button(page, "Join now").click();
        assertThat(button(page, "End call")).isVisible();
        button(page, "Toggle chat").click();
        assertThat(page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Message"))).isVisible();
        return page;
    }

    private static Participant driver(ProtocolSession session, boolean doctor, LoadMetrics metrics, String email,
                                      String password, Appointment appointment) throws Exception {
        session.signIn(email, password);
        Participant participant = new Participant(email, doctor, session, metrics);
        participant.enter(appointment.getId(), doctor ? null : LocalDate.parse(DemoUsers.KRIYA_DATE_OF_BIRTH));
        return participant;
    }
}
