package com.mediscan.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.CheckIn;
import com.mediscan.appointment.domain.CheckInRepository;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.TestAppointments;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The load driver against a real MediScan (demo clinic, real HTTP and push): it drives a view (the
 * dashboard, a patient's check-in on the consultation page), and
 * when the server answers with an application error or a session expiry, or refuses a request,
 * the driver counts it, says so and stops that UI instead of carrying on as if all were well.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DriverFailsLoudlyProtocolIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    CheckInRepository checkIns;

    private final HttpClient http = ProtocolSession.sharedClient();
    private final LoadErrors errors = new LoadErrors();

    @Test
    void drivesTheRealDashboardThroughTheProtocol() throws Exception {
        ProtocolSession session = signedInPatient();
        FlowUi dashboard = session.open("");

        UiNodes.Node signOut = dashboard.await("Sign out", WAIT, nodes -> nodes.shownNamed("vaadin-button", "Sign out"));

        assertThat(signOut.tag()).isEqualTo("vaadin-button");
        assertThat(dashboard.isEnded()).isFalse();
        assertThat(errors.byKind()).isEmpty();
    }

    @Test
    void aPatientChecksInThroughTheRealConsultationPage() throws Exception {
        Appointment appointment = TestAppointments.joinableNow(context, DemoUsers.RAJESH, DemoUsers.KRIYA);
        FlowUi page = signedInPatient().open("video-consultation/" + appointment.getId());

        UiNodes.Node join = CheckInByProtocol.checkInIfAsked(page, LocalDate.parse(DemoUsers.KRIYA_DATE_OF_BIRTH), WAIT);

        assertThat(join.tag()).isEqualTo("vaadin-button");
        CheckIn stored = checkIns.findByAppointmentId(appointment.getId()).orElseThrow();
        assertThat(stored.isCompleted()).isTrue();
        assertThat(stored.getCountryCode()).isEqualTo("IN");
        assertThat(stored.getRegionCode()).isEqualTo("IN-MH");
        assertThat(errors.byKind()).isEmpty();
    }

    @Test
    void aRefusedCheckInIsCountedAndStopsTheUi() throws Exception {
        Appointment appointment = TestAppointments.joinableNow(context, DemoUsers.RAJESH, DemoUsers.KRIYA);
        FlowUi page = signedInPatient().open("video-consultation/" + appointment.getId());

        assertThatThrownBy(() -> CheckInByProtocol.checkInIfAsked(page, LocalDate.of(1900, 1, 1), WAIT))
                .isInstanceOf(ProtocolSession.LoadFailure.class).hasMessageContaining("does not match our records");
        assertThat(errors.count("checkIn")).isEqualTo(1);
        assertThat(page.isEnded()).isTrue();
        assertThat(checkIns.findByAppointmentId(appointment.getId()).orElseThrow().isCompleted()).isFalse();
    }

    @Test
    void aSignOutInAnotherTabEndsTheUiWithSessionExpiry() throws Exception {
        ProtocolSession session = signedInPatient();
        FlowUi first = session.open("");
        UiNodes.Node firstSignOut = first.await("Sign out", WAIT, nodes -> nodes.shownNamed("vaadin-button", "Sign out"));
        FlowUi second = session.open("");
        second.clickToEndSession(second.await("Sign out", WAIT, nodes -> nodes.shownNamed("vaadin-button", "Sign out")));

        assertThatThrownBy(() -> {
            first.await("the end of the signed-out UI", WAIT, nodes -> first.isEnded() ? Optional.of(true) : Optional.empty());
        }).isInstanceOf(ProtocolSession.LoadFailure.class);
        assertThatThrownBy(() -> first.click(firstSignOut)).isInstanceOf(ProtocolSession.LoadFailure.class);
        assertThat(errors.count("sessionExpired") + errors.count("pushClosed")).isPositive();
    }

    @Test
    void anApplicationErrorIsCountedAndStopsTheUi() throws Exception {
        ProtocolSession session = signedInPatient();
        JsonNode appConfig = ProtocolSession.JSON.readTree(session.send(session.request("/?v-r=init&location=&query=").GET()).body())
                .path("appConfig");
        ObjectNode uidl = (ObjectNode) appConfig.path("uidl");
        uidl.put("Vaadin-Security-Key", "not-the-security-key");
        FlowUi forged = new FlowUi(session, appConfig.path("v-uiId").asInt(), uidl);

        assertThatThrownBy(() -> forged.navigate("")).isInstanceOf(ProtocolSession.LoadFailure.class);
        assertThat(errors.count("appError")).isEqualTo(1);
        assertThat(forged.isEnded()).isTrue();
    }

    @Test
    void aRefusedSignInAndAHeartbeatOfAnEndedSessionAreCounted() throws Exception {
        ProtocolSession wrongPassword = new ProtocolSession(base(), http, errors, "intruder");
        assertThatThrownBy(() -> wrongPassword.signIn(DemoUsers.ARJUN, "not-the-password"))
                .isInstanceOf(ProtocolSession.LoadFailure.class);
        assertThat(errors.count("signIn")).isEqualTo(1);

        ProtocolSession session = signedInPatient();
        FlowUi dashboard = session.open("");
        dashboard.clickToEndSession(dashboard.await("Sign out", WAIT, nodes -> nodes.shownNamed("vaadin-button", "Sign out")));
        dashboard.heartbeat();
        assertThat(errors.byKind()).containsOnlyKeys("signIn", "heartbeat");
    }

    private ProtocolSession signedInPatient() throws Exception {
        ProtocolSession session = new ProtocolSession(base(), http, errors, "Kriya");
        session.signIn(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD);
        return session;
    }

    private URI base() {
        return URI.create("http://localhost:" + port + "/");
    }
}
