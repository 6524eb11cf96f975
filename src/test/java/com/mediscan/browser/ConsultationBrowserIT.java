package com.mediscan.browser;

import static com.mediscan.support.CallPages.button;
import static com.mediscan.support.CallPages.connected;
import static com.mediscan.support.CallPages.status;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.chat.domain.ChatMessage;
import com.mediscan.chat.domain.ChatMessageRepository;
import com.mediscan.base.PushReconnects;
import com.mediscan.support.BrowserTest;
import com.mediscan.support.CallPages;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.PrescriptionForm;
import com.mediscan.support.TestAppointments;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The consultation in a real Chromium with a fake camera and microphone: two browser profiles
 * (doctor and patient) in one room, peer-to-peer media checked through the element's
 * RTCPeerConnection (sender tracks, getStats) and the frames painted on the remote video.
 */
class ConsultationBrowserIT extends BrowserTest {

    /**
     * Installed in every page of a call context: samples the remote side's decoding from getStats
     * and counts painted frames, so tests can wait on plain values (Playwright does not await
     * asynchronous wait predicates).
     */
    private static final String PROBE = """
            window.callProbe = {
              framesDecoded: 0, framesPainted: 0,
              call: () => document.querySelector('mediscan-call'),
              sender: kind => window.callProbe.call()?.peerConnection?.getTransceivers()
                  .find(transceiver => transceiver.receiver.track.kind === kind)?.sender,
            };
            setInterval(async () => {
              const call = window.callProbe.call();
              const pc = call?.peerConnection;
              if (!pc) return;
              const video = call.shadowRoot.querySelector('video[data-role="remote"]');
              if (video && !video.probed) {
                video.probed = true;
                const painted = () => { window.callProbe.framesPainted++; video.requestVideoFrameCallback(painted); };
                video.requestVideoFrameCallback(painted);
              }
              (await pc.getStats()).forEach(report => {
                if (report.type === 'inbound-rtp' && report.kind === 'video') window.callProbe.framesDecoded = report.framesDecoded ?? 0;
              });
            }, 100);
            """;
    private static final String REMOTE_VIDEO_WIDTH =
            "window.callProbe.call()?.shadowRoot.querySelector('video[data-role=\"remote\"]')?.videoWidth ?? 0";
    private static final Pattern UIDL_REQUEST = Pattern.compile(".*[?&]v-r=uidl.*");
    private static final Pattern AT_LEAST_THREE_SECONDS = Pattern.compile("^(?!00:0[0-2]$)\\d{2}:\\d{2}$");

    @Autowired
    ApplicationContext context;
    @Autowired
    MeterRegistry meters;

    @BeforeAll
    static void patientAssertions() {
        // As long as BrowserTest's action timeout: a loaded machine may take seconds to connect a call.
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
    }

    private Appointment appointment;

    @BeforeEach
    void newAppointment() {
        appointment = TestAppointments.joinableNow(context, DemoUsers.RAJESH, DemoUsers.KRIYA);
    }

    private Page joinAsDoctor() {
        return join(probed(signedIn(DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD)));
    }

    private Page joinAsPatient() {
        return join(probed(signedIn(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD)));
    }

    private static Page probed(Page page) {
        page.context().addInitScript(PROBE);
        return page;
    }

    private Page join(Page page) {
        page.navigate(url("/video-consultation/" + appointment.getId()));
        CallPages.checkInIfAsked(page, DemoUsers.KRIYA_DATE_OF_BIRTH);
        button(page, "Join now").click();
        assertThat(button(page, "End call")).isVisible();
        return page;
    }




    /** The other side's video has a size and its frames keep being decoded and painted. */
    private static void seesRemoteVideo(Page page) {
        page.waitForFunction("() => (" + REMOTE_VIDEO_WIDTH + ") > 0");
        Object decoded = page.evaluate("() => window.callProbe.framesDecoded");
        Object painted = page.evaluate("() => window.callProbe.framesPainted");
        page.waitForFunction("([decoded, painted]) => window.callProbe.framesDecoded > decoded && window.callProbe.framesPainted > painted",
                new Object[] {decoded, painted});
    }

    private static void outgoingVideo(Page page, String condition) {
        page.waitForFunction("() => { const track = window.callProbe.sender('video')?.track; return " + condition + "; }");
    }

    private AppointmentStatus appointmentStatus() {
        return TestAppointments.reload(context, appointment).getStatus();
    }

    @Test
    void aPatientWhoJoinsAfterTheDoctorConnects() {
        Page doctor = joinAsDoctor();
        assertThat(status(doctor)).hasText("Waiting");
        Page patient = joinAsPatient();
        connected(doctor, patient);
        seesRemoteVideo(doctor);
        seesRemoteVideo(patient);
    }

    @Test
    void bothSeeEachOtherAndTheMediaControlsWork() {
        Page patient = joinAsPatient();
        assertThat(patient.getByText("Waiting for Dr. Rajesh Patel")).isVisible();
        assertThat(status(patient)).hasText("Waiting");
        Page doctor = joinAsDoctor();

        connected(doctor, patient);
        seesRemoteVideo(doctor);
        seesRemoteVideo(patient);
        assertThat(doctor.locator(".call-timer")).hasText(Pattern.compile("\\d{2}:\\d{2}"));
        assertThat(appointmentStatus()).isEqualTo(AppointmentStatus.IN_PROGRESS);

        button(patient, "Mute microphone").click();
        assertThat(button(patient, "Unmute microphone")).isVisible();
        patient.waitForFunction("() => window.callProbe.sender('audio').track.enabled === false");
        assertThat(doctor.locator("[data-role=remote-muted]")).isVisible();
        button(patient, "Unmute microphone").click();
        assertThat(doctor.locator("[data-role=remote-muted]")).isHidden();
        patient.waitForFunction("() => window.callProbe.sender('audio').track.enabled === true");

        button(doctor, "Turn camera off").click();
        assertThat(button(doctor, "Turn camera on")).isVisible();
        outgoingVideo(doctor, "track === null");
        assertThat(patient.locator("[data-role=remote-camera-off]")).isVisible();
        assertThat(patient.locator("[data-role=remote-camera-off]")).containsText("Camera off");
        button(doctor, "Turn camera on").click();
        assertThat(button(doctor, "Turn camera off")).isVisible();
        outgoingVideo(doctor, "track?.readyState === 'live' && track.getSettings().displaySurface === undefined");
        assertThat(patient.locator("[data-role=remote-camera-off]")).isHidden();
        seesRemoteVideo(patient);

        button(doctor, "Share screen").click();
        assertThat(button(doctor, "Stop sharing screen")).isVisible();
        outgoingVideo(doctor, "track?.getSettings().displaySurface !== undefined");
        assertThat(patient.getByText("Sharing their screen")).isVisible();
        seesRemoteVideo(patient);
        button(doctor, "Stop sharing screen").click();
        assertThat(button(doctor, "Share screen")).isVisible();
        outgoingVideo(doctor, "track?.readyState === 'live' && track.getSettings().displaySurface === undefined");
        assertThat(patient.getByText("Sharing their screen")).isHidden();

        // The browser's own "Stop sharing" button ends the captured track, which fires "ended".
        button(doctor, "Share screen").click();
        outgoingVideo(doctor, "track?.getSettings().displaySurface !== undefined");
        doctor.evaluate("() => window.callProbe.sender('video').track.dispatchEvent(new Event('ended'))");
        assertThat(button(doctor, "Share screen")).isVisible();
        outgoingVideo(doctor, "track?.readyState === 'live' && track.getSettings().displaySurface === undefined");
        seesRemoteVideo(patient);
    }

    @Test
    void shortcutsWorkButNotWhileTypingOrInADialog() {
        Page patient = joinAsPatient();
        patient.evaluate("() => document.activeElement?.blur()");

        patient.keyboard().press("Space");
        assertThat(button(patient, "Unmute microphone")).isVisible();
        patient.keyboard().press("v");
        assertThat(button(patient, "Turn camera on")).isVisible();
        patient.keyboard().press("c");
        assertThat(patient.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("Chat"))).isVisible();
        patient.keyboard().press("c");
        assertThat(patient.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("Chat"))).isHidden();

        patient.keyboard().press("?");
        Locator shortcutList = patient.getByText("Mute or unmute the microphone");
        assertThat(shortcutList).isVisible();
        patient.keyboard().press("Space");
        patient.keyboard().press("v");
        patient.keyboard().press("Escape");
        assertThat(shortcutList).isHidden();

        // Typing in fields, a Vaadin one and a plain one: letters and Space are text, Esc is the field's.
        // Each shortcut key is typed once, so any that slipped through would leave its toggle flipped.
        patient.evaluate("""
                () => {
                  const field = document.createElement('vaadin-text-field');
                  field.label = 'Scratch field';
                  const area = document.createElement('textarea');
                  area.setAttribute('aria-label', 'Scratch area');
                  field.style.cssText = 'position: fixed; top: 4rem; left: 1rem; z-index: 1000';
                  area.style.cssText = 'position: fixed; top: 9rem; left: 1rem; z-index: 1000';
                  document.body.append(field, area);
                }""");
        Locator field = patient.getByLabel("Scratch field");
        field.click();
        field.pressSequentially("v c");
        field.press("Escape");
        assertThat(field).hasValue("v c");
        Locator area = patient.getByLabel("Scratch area");
        area.click();
        area.pressSequentially("ok?");
        assertThat(area).hasValue("ok?");

        // A shortcut that does act, so every earlier key press has reached the server by now.
        patient.evaluate("() => document.activeElement?.blur()");
        patient.keyboard().press("c");
        assertThat(patient.getByRole(AriaRole.COMPLEMENTARY, new Page.GetByRoleOptions().setName("Chat"))).isVisible();
        assertThat(button(patient, "Unmute microphone")).isVisible();
        assertThat(button(patient, "Turn camera on")).isVisible();
        assertThat(shortcutList).isHidden();
        assertThat(patient.getByText("End the call?")).isHidden();

        patient.evaluate("() => document.activeElement?.blur()");
        patient.keyboard().press("Escape");
        Locator confirm = patient.getByText("End the call?");
        assertThat(confirm).isVisible();
        button(patient, "Keep talking").click();
        assertThat(confirm).isHidden();
        assertThat(button(patient, "End call")).isVisible();
        assertThat(status(patient)).hasText("Waiting");
    }

    @Test
    void endingWithEscAndConfirmingEndsTheCallForBoth() {
        Page patient = joinAsPatient();
        Page doctor = joinAsDoctor();
        connected(doctor, patient);

        doctor.evaluate("() => document.activeElement?.blur()");
        doctor.keyboard().press("Escape");
        button(doctor, "End").click();

        for (Page page : new Page[] {doctor, patient}) {
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Call ended"))).isVisible();
            assertThat(page.getByText(Pattern.compile("^Duration \\d{2}:\\d{2}$"))).isVisible();
            assertThat(page.locator("mediscan-call")).hasCount(0);
        }
        assertThat(patient.getByText("Dr. Rajesh Patel ended the call.")).isVisible();
        assertThat(appointmentStatus()).isEqualTo(AppointmentStatus.COMPLETED);
    }

    @Test
    void aReloadRejoinsAndASecondWindowTakesOver() {
        Page patient = joinAsPatient();
        Page doctor = joinAsDoctor();
        connected(doctor, patient);
        assertThat(patient.locator(".call-timer")).hasText(AT_LEAST_THREE_SECONDS);
        Instant startedAt = TestAppointments.reload(context, appointment).getCallStartedAt();

        patient.reload();
        // Read once, without retrying: a timer that restarted at the reload would be seconds behind.
        assertThat(patient.locator(".call-timer")).isVisible();
        String[] shown = patient.locator(".call-timer").textContent().split(":");
        long sinceStart = Duration.between(startedAt, Instant.now()).toSeconds();
        assertThat(Long.parseLong(shown[0]) * 60 + Long.parseLong(shown[1])).isGreaterThanOrEqualTo(sinceStart - 2);
        connected(doctor, patient);
        noCardOverTheCall(patient);
        seesRemoteVideo(patient);
        seesRemoteVideo(doctor);
        assertThat(TestAppointments.reload(context, appointment).getCallStartedAt()).isEqualTo(startedAt);

        // The call is running, so the second window goes straight in, like the reload.
        Page secondWindow = patient.context().newPage();
        secondWindow.navigate(url("/video-consultation/" + appointment.getId()));
        assertThat(patient.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("You joined from another window"))).isVisible();
        connected(doctor, secondWindow);
        noCardOverTheCall(secondWindow);
        seesRemoteVideo(secondWindow);
        seesRemoteVideo(doctor);

        button(doctor, "End call").click();
        assertThat(secondWindow.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Call ended"))).isVisible();
        assertThat(doctor.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Call ended"))).isVisible();
        assertThat(appointmentStatus()).isEqualTo(AppointmentStatus.COMPLETED);
    }

    @Test
    void bothCloseTheirBrowsersMidCallAndComeBackInNewOnesToOneConnectedCall() {
        Page patient = joinAsPatient();
        Page doctor = joinAsDoctor();
        connected(doctor, patient);
        Instant startedAt = TestAppointments.reload(context, appointment).getCallStartedAt();
        patient.context().close();
        doctor.context().close();

        Page newPatient = probed(signedIn(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD));
        Page newDoctor = probed(signedIn(DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD));
        newPatient.navigate(url("/video-consultation/" + appointment.getId()));
        newDoctor.navigate(url("/video-consultation/" + appointment.getId()));

        connected(newDoctor, newPatient);
        noCardOverTheCall(newDoctor);
        noCardOverTheCall(newPatient);
        seesRemoteVideo(newDoctor);
        seesRemoteVideo(newPatient);
        assertThat(newPatient.locator(".call-timer")).isVisible();
        assertThat(TestAppointments.reload(context, appointment).getCallStartedAt()).isEqualTo(startedAt);
        assertThat(appointmentStatus()).isEqualTo(AppointmentStatus.IN_PROGRESS);
    }

    /** Connected, with the controls there, and neither the check before joining nor the waiting card over the call. */
    private static void noCardOverTheCall(Page page) {
        assertThat(button(page, "End call")).isVisible();
        assertThat(page.locator(".waiting-panel")).isHidden();
        assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Check before joining"))).isHidden();
        assertThat(button(page, "Join now")).isHidden();
        assertThat(page.locator(".consultation-view")).hasAttribute("data-phase", "connected");
    }

    @Test
    void anUnrelatedDoctorAndAnUnrelatedPatientAreRefused() {
        Page otherDoctor = signedIn(DemoUsers.SNEHA, DemoUsers.DOCTOR_PASSWORD);
        Page otherPatient = signedIn(DemoUsers.ARJUN, DemoUsers.PATIENT_PASSWORD);
        for (Page outsider : new Page[] {otherDoctor, otherPatient}) {
            outsider.navigate(url("/video-consultation/" + appointment.getId()));
            assertThat(outsider.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not available"))).isVisible();
            assertThat(outsider.locator("mediscan-call")).hasCount(0);
            String refusedText = outsider.locator("body").innerText();

            outsider.navigate(url("/video-consultation/987654321"));
            assertThat(outsider.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not available"))).isVisible();
            assertThat(outsider.locator("body").innerText()).isEqualTo(refusedText);
        }
        assertThat(appointmentStatus()).isEqualTo(AppointmentStatus.SCHEDULED);
    }

    /** The product's cardiology example: the visit ends with a heart-medication prescription the patient then finds. */
    @Test
    void chatAndATwoMedicinePrescriptionDuringTheCallReachThePatientsRecord() {
        Page patient = joinAsPatient();
        Page doctor = joinAsDoctor();
        connected(doctor, patient);

        button(doctor, "Toggle chat").click();
        chatInput(doctor).fill("Please take the tablets after breakfast.");
        button(doctor, "Send").click();
        assertThat(button(patient, "Toggle chat")).containsText("1");
        patient.keyboard().press("c");
        assertThat(messages(patient).filter(new Locator.FilterOptions().setHasText("after breakfast"))).hasCount(1);
        chatInput(patient).fill("<img src=x onerror=alert(1)>");
        button(patient, "Send").click();
        assertThat(messages(doctor).filter(new Locator.FilterOptions().setHasText("<img src=x onerror=alert(1)>"))).hasCount(1);
        assertThat(doctor.locator("img[src=x]")).hasCount(0);

        patient.reload();
        assertThat(button(patient, "End call")).isVisible();
        patient.keyboard().press("c");
        assertThat(messages(patient)).hasCount(2);
        assertThat(messages(patient).first()).containsText("after breakfast");
        assertThat(messages(patient).last()).containsText("<img src=x onerror=alert(1)>");
        connected(doctor, patient);

        button(doctor, "Prescription").click();
        doctor.getByLabel("Diagnosis").fill("Essential hypertension");
        PrescriptionForm.medication(doctor, 1, "Amlodipine", "Oral", "5 mg", "Once daily", "30 days", "Take in the morning");
        button(doctor, "Add medication").click();
        PrescriptionForm.medication(doctor, 2, "Atorvastatin", "Oral", "20 mg", "At bedtime", "30 days", "Take after dinner");
        button(doctor, "Save prescription").click();
        assertThat(doctor.getByText("Prescription version 1 saved and signed.").first()).isVisible();
        assertThat(patient.getByText("issued a prescription").first()).isVisible();

        button(doctor, "End call").click();
        assertThat(patient.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Call ended"))).isVisible();

        patient.navigate(url("/records"));
        Locator record = patient.locator(".consultation-record").filter(new Locator.FilterOptions().setHasText("Essential hypertension"));
        assertThat(record).containsText("Amlodipine");
        assertThat(record).containsText("Atorvastatin");
        assertThat(record).containsText("Take after dinner");
        record.getByText("Chat transcript").click();
        assertThat(record.locator("vaadin-message").filter(new Locator.FilterOptions().setHasText("after breakfast"))).hasCount(1);

        record.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Open full record")).click();
        assertThat(patient.locator("vaadin-message")).hasCount(2);
        assertThat(patient.locator("vaadin-message").last()).containsText("<img src=x onerror=alert(1)>");
    }

    /** The product's dermatology example: the patient shows the rash by sharing their screen; follow-up goes through chat. */
    @Test
    void dermatologyVisitWithThePatientsScreenAndFollowUpThroughChat() {
        appointment = TestAppointments.joinableNow(context, DemoUsers.SNEHA, DemoUsers.KRIYA);
        Page patient = joinAsPatient();
        Page doctor = join(probed(signedIn(DemoUsers.SNEHA, DemoUsers.DOCTOR_PASSWORD)));
        connected(doctor, patient);

        button(patient, "Share screen").click();
        assertThat(button(patient, "Stop sharing screen")).isVisible();
        assertThat(doctor.getByText("Sharing their screen")).isVisible();
        seesRemoteVideo(doctor);
        button(patient, "Stop sharing screen").click();
        assertThat(doctor.getByText("Sharing their screen")).isHidden();

        button(doctor, "Prescription").click();
        doctor.getByLabel("Diagnosis").fill("Contact dermatitis");
        PrescriptionForm.medication(doctor, 1, "Hydrocortisone 1% cream", "Topical", "Thin layer", "Twice daily", "14 days",
                "Apply to the rash on the forearm");
        button(doctor, "Save prescription").click();
        assertThat(doctor.getByText("Prescription version 1 saved and signed.").first()).isVisible();

        button(doctor, "Toggle chat").click();
        chatInput(doctor).fill("Follow-up: if the rash has not faded in two weeks, book a visit and send a photo here first.");
        button(doctor, "Send").click();
        patient.keyboard().press("c");
        assertThat(messages(patient).filter(new Locator.FilterOptions().setHasText("rash has not faded"))).hasCount(1);
        chatInput(patient).fill("Thank you, I will.");
        button(patient, "Send").click();
        assertThat(messages(doctor).filter(new Locator.FilterOptions().setHasText("Thank you, I will."))).hasCount(1);

        button(doctor, "End call").click();
        assertThat(patient.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Call ended"))).isVisible();
        patient.navigate(url("/records/" + appointment.getId()));
        assertThat(patient.getByText("Contact dermatitis").first()).isVisible();
        assertThat(patient.getByText("Hydrocortisone 1% cream").first()).isVisible();
        assertThat(patient.locator("vaadin-message").filter(new Locator.FilterOptions().setHasText("rash has not faded"))).hasCount(1);
    }

    @Test
    void typingIsShownAndAMessageSentWhileTheConnectionIsDownArrivesExactlyOnce() {
        Page patient = joinAsPatient();
        Page doctor = joinAsDoctor();
        connected(doctor, patient);
        button(doctor, "Toggle chat").click();
        patient.keyboard().press("c");

        chatInput(doctor).pressSequentially("Your blood pressure", new Locator.PressSequentiallyOptions().setDelay(60));
        Locator typing = patient.locator(".chat-typing");
        assertThat(typing).hasText("Dr. Rajesh Patel is typing…");
        assertThat(typing).isHidden();

        chatInput(doctor).fill("Your blood pressure is fine.");
        assertThat(doctor.locator(".chat-counter")).hasText("28 / 2000");
        // The server stores the message but its answer never reaches the doctor's browser, which resends the same request.
        AtomicInteger answersDropped = new AtomicInteger();
        doctor.route(UIDL_REQUEST, route -> {
            if (answersDropped.getAndIncrement() == 0) {
                route.fetch();
                route.abort();
            } else {
                route.resume();
            }
        });
        button(doctor, "Send").click();
        assertThat(messages(patient).filter(new Locator.FilterOptions().setHasText("blood pressure is fine"))).hasCount(1);
        assertThat(chatInput(doctor)).hasValue("");
        assertThat(answersDropped).hasValueGreaterThan(1);

        // The request itself is lost twice while the connection is down; Vaadin retries it.
        doctor.unrouteAll();
        chatInput(doctor).fill("Keep taking the tablets.");
        assertThat(doctor.locator(".chat-counter")).hasText("24 / 2000");
        AtomicInteger requestsDropped = new AtomicInteger();
        doctor.route(UIDL_REQUEST, route -> {
            if (requestsDropped.getAndIncrement() < 2) {
                route.abort();
            } else {
                route.resume();
            }
        });
        button(doctor, "Send").click();
        assertThat(messages(patient).filter(new Locator.FilterOptions().setHasText("Keep taking the tablets."))).hasCount(1);
        doctor.unrouteAll();

        assertThat(messages(doctor)).hasCount(2);
        patient.reload();
        assertThat(button(patient, "End call")).isVisible();
        patient.keyboard().press("c");
        assertThat(messages(patient)).hasCount(2);
        assertThat(context.getBean(ChatMessageRepository.class).findConversation(appointment.getId()))
                .extracting(ChatMessage::getText)
                .containsExactly("Your blood pressure is fine.", "Keep taking the tablets.");
    }

    @Test
    void theCheckBeforeJoiningShowsThePreviewAndHelpsWhenTheBrowserBlocksTheDevices() {
        Page patient = probed(signedIn(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD));
        // What a browser does when the person (or a policy) refused camera and microphone for the site.
        patient.context().addInitScript("""
                const realGetUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
                navigator.mediaDevices.getUserMedia = constraints => window.devicesAllowed
                    ? realGetUserMedia(constraints)
                    : Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
                """);
        patient.navigate(url("/video-consultation/" + appointment.getId()));
        CallPages.checkInIfAsked(patient, DemoUsers.KRIYA_DATE_OF_BIRTH);
        assertThat(patient.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ready to join?"))).isVisible();
        assertThat(patient.getByRole(AriaRole.ALERT).filter(new Locator.FilterOptions().setHasText("blocks them for this site")))
                .containsText("allow camera and microphone, then press Try again");
        assertThat(button(patient, "End call")).isHidden();

        patient.evaluate("() => window.devicesAllowed = true");
        button(patient, "Try again").click();
        assertThat(button(patient, "Try again")).isHidden();
        patient.waitForFunction("() => window.callProbe.call().shadowRoot.querySelector('video[data-role=\"local\"]').videoWidth > 0");
        patient.waitForFunction("() => Number(window.callProbe.call().shadowRoot.querySelector('[data-role=\"microphone-level\"]')"
                + ".getAttribute('aria-valuenow')) > 0");
        // Scoped to the check: the call's own buttons (already in the page, hidden) have "camera" in their labels too.
        assertThat(patient.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Check before joining"))
                .getByLabel("Camera")).not().hasText("");
        assertThat(appointmentStatus()).isEqualTo(AppointmentStatus.SCHEDULED);

        button(patient, "Join with camera off").click();
        assertThat(button(patient, "Turn camera on")).isVisible();
        assertThat(appointmentStatus()).isEqualTo(AppointmentStatus.WAITING);
        Page doctor = joinAsDoctor();
        connected(doctor, patient);
        assertThat(doctor.locator("[data-role=remote-camera-off]")).isVisible();
        seesRemoteVideo(patient);
    }

    @Test
    void midCallTheCameraSwitchesQualityShowsAudioOnlyWorksAndAnIceRestartRecovers() {
        Page patient = joinAsPatient();
        Page doctor = joinAsDoctor();
        connected(doctor, patient);
        seesRemoteVideo(patient);

        assertThat(patient.locator("[data-role=remote-quality]")).hasAttribute("aria-label", Pattern.compile("^Connection: good\\. Round trip \\d+ ms"));
        assertThat(doctor.locator("[data-role=local-quality]")).hasAttribute("aria-label", Pattern.compile("^Your connection: \\w+\\. .*kbit/s sent$"));

        // Another camera, chosen in the call: the same connection sends the new track, and the patient keeps seeing video.
        String cameraBefore = (String) doctor.evaluate("() => window.callProbe.sender('video').track.getSettings().deviceId");
        button(doctor, "Camera, microphone and speaker").click();
        doctor.getByRole(AriaRole.DIALOG).getByLabel("Camera").click();
        // Chromium's fake devices: fake_device_1 delivers Y16 depth frames that WebRTC does not send; fake_device_2 is a normal camera.
        doctor.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("fake_device_2")).click();
        doctor.waitForFunction("before => window.callProbe.sender('video').track.getSettings().deviceId !== before", cameraBefore);
        doctor.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Done")).click();
        seesRemoteVideo(patient);

        // The camera goes away (unplugged): the call falls back to another one and says so.
        doctor.evaluate("() => window.callProbe.sender('video').track.dispatchEvent(new Event('ended'))");
        assertThat(doctor.getByText(Pattern.compile("was disconnected\\. Now using "))).isVisible();
        outgoingVideo(doctor, "track?.readyState === 'live'");
        seesRemoteVideo(patient);

        button(patient, "Audio only").click();
        assertThat(button(patient, "Audio only")).hasAttribute("aria-pressed", "true");
        assertThat(doctor.locator("[data-role=remote-camera-off]")).containsText("Audio only");
        outgoingVideo(patient, "track === null");
        doctor.waitForFunction("() => window.callProbe.sender('video') && window.callProbe.call().peerConnection.getTransceivers()"
                + ".find(t => t.sender === window.callProbe.sender('video')).currentDirection === 'inactive'");
        button(patient, "Audio only").click();
        assertThat(doctor.locator("[data-role=remote-camera-off]")).isHidden();
        seesRemoteVideo(doctor);
        seesRemoteVideo(patient);

        String ufragBefore = (String) doctor.evaluate("() => window.callProbe.call().peerConnection.localDescription.sdp.match(/a=ice-ufrag:(.*)/)[1]");
        doctor.evaluate("() => window.callProbe.call().restartIce()");
        doctor.waitForFunction("before => window.callProbe.call().peerConnection.localDescription.sdp.match(/a=ice-ufrag:(.*)/)[1] !== before",
                ufragBefore);
        connected(doctor, patient);
        seesRemoteVideo(doctor);
        seesRemoteVideo(patient);
    }

    @Test
    void aLostPushConnectionReconnectsWhileTheCallAndChatCarryOn() {
        Page patient = probed(signedIn(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD));
        // Keeps the page's WebSockets at hand, so the test can drop Vaadin's push connection.
        patient.context().addInitScript("""
                window.openedSockets = [];
                window.WebSocket = class extends WebSocket {
                  constructor(...args) { super(...args); window.openedSockets.push(this); }
                };
                """);
        join(patient);
        Page doctor = joinAsDoctor();
        connected(doctor, patient);

        double reconnectsBefore = pushReconnects();
        patient.evaluate("() => window.openedSockets.forEach(socket => socket.close())");
        seesRemoteVideo(patient);
        button(doctor, "Toggle chat").click();
        chatInput(doctor).fill("Can you still hear me?");
        button(doctor, "Send").click();
        patient.keyboard().press("c");
        assertThat(messages(patient).filter(new Locator.FilterOptions().setHasText("Can you still hear me?"))).hasCount(1);
        patient.waitForFunction("() => window.openedSockets.some(socket => socket.readyState === WebSocket.OPEN)");
        connected(doctor, patient);
        assertThat(patient.locator(".call-timer")).hasText(AT_LEAST_THREE_SECONDS);
        seesRemoteVideo(patient);
        seesRemoteVideo(doctor);
        assertThat(pushReconnects()).isGreaterThan(reconnectsBefore);
    }

    private double pushReconnects() {
        return meters.counter(PushReconnects.METER).count();
    }

    private static Locator chatInput(Page page) {
        return page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Message"));
    }

    private static Locator messages(Page page) {
        return page.locator("vaadin-message-list vaadin-message");
    }
}
