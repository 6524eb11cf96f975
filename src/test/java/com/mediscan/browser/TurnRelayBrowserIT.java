package com.mediscan.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.support.BrowserTest;
import com.mediscan.support.CallPages;
import com.mediscan.support.CallTimeline;
import com.mediscan.support.Coturn;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.TestAppointments;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A call through a real coturn started on loopback, with MediScan configured as a deployment
 * would be (TURN URL and shared secret, relay only): both browsers may use relay candidates only,
 * so the call connects through TURN or not at all. Other settings mean an application of its own
 * (the other browser tests share one); it is closed after this class instead of staying in memory.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TurnRelayBrowserIT extends BrowserTest {

    /** The selected candidate pair of the element's connection, its ICE policy and the video frames decoded. */
    private static final String SELECTED_PATH = """
            async () => {
              const pc = document.querySelector('mediscan-call').peerConnection;
              const stats = await pc.getStats();
              let pairId, framesDecoded = 0;
              stats.forEach(report => {
                if (report.type === 'transport' && report.selectedCandidatePairId) pairId = report.selectedCandidatePairId;
                if (report.type === 'inbound-rtp' && report.kind === 'video') framesDecoded = report.framesDecoded ?? 0;
              });
              const pair = pairId ? stats.get(pairId) : undefined;
              const local = pair ? stats.get(pair.localCandidateId) : undefined;
              const remote = pair ? stats.get(pair.remoteCandidateId) : undefined;
              return {
                policy: pc.getConfiguration().iceTransportPolicy,
                localType: local?.candidateType ?? '', localPort: local?.port ?? 0,
                remoteType: remote?.candidateType ?? '', remotePort: remote?.port ?? 0,
                framesDecoded,
              };
            }""";

    private static Coturn coturn;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void relayOnlyThroughCoturn(DynamicPropertyRegistry registry) {
        registry.add("mediscan.ice.turn-urls", () -> coturn().turnUrl());
        registry.add("mediscan.ice.turn-secret", () -> coturn().secret());
        registry.add("mediscan.ice.relay-only", () -> "true");
    }

    private static synchronized Coturn coturn() {
        if (coturn == null) {
            if (!Coturn.isInstalled()) {
                throw new IllegalStateException("The TURN test needs coturn at " + Coturn.BINARY + " (apt-get install coturn)");
            }
            try {
                coturn = Coturn.start("turn-relay-browser-test");
            } catch (IOException | InterruptedException failure) {
                throw new IllegalStateException("coturn did not start", failure);
            }
        }
        return coturn;
    }

    @AfterAll
    static void stopCoturn() {
        if (coturn != null) {
            coturn.close();
        }
    }

    @Test
    void aRelayOnlyCallConnectsThroughTheConfiguredTurnServer() {
        Appointment appointment = TestAppointments.joinableNow(context, DemoUsers.RAJESH, DemoUsers.KRIYA);
        Page patient = join(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD, appointment);
        Page doctor = join(DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD, appointment);

        CallPages.connected(doctor, patient);
        for (Page page : new Page[] {doctor, patient}) {
            Map<?, ?> path = selectedPath(page);
            assertThat(path.get("policy")).isEqualTo("relay");
            assertThat(path.get("localType")).as("local candidate of the selected pair").isEqualTo("relay");
            // Both ends of the path are relay addresses of this coturn (a remote relay candidate may show as "prflx"
            // when its check arrives before its signal).
            assertThat(coturn.isRelayPort(((Number) path.get("localPort")).intValue())).isTrue();
            assertThat(coturn.isRelayPort(((Number) path.get("remotePort")).intValue())).isTrue();

            int painted = CallTimeline.framesPainted(page);
            int decoded = ((Number) path.get("framesDecoded")).intValue();
            CallTimeline.awaitFramesPainted(page, painted);
            page.waitForCondition(() -> ((Number) selectedPath(page).get("framesDecoded")).intValue() > decoded);
        }
    }

    private Page join(String email, String password, Appointment appointment) {
        Page page = CallTimeline.recorded(signedIn(email, password));
        page.navigate(url("/video-consultation/" + appointment.getId()));
        CallPages.checkInIfAsked(page, DemoUsers.KRIYA_DATE_OF_BIRTH);
        CallPages.button(page, "Join now").click();
        return page;
    }

    private static Map<?, ?> selectedPath(Page page) {
        return (Map<?, ?>) page.evaluate(SELECTED_PATH);
    }
}
