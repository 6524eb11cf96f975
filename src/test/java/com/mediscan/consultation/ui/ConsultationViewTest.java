package com.mediscan.consultation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.mediscan.account.domain.UserAccountRepository;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentRepository;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.base.ui.NotAvailableView;
import com.mediscan.chat.ui.ChatPanel;
import com.mediscan.prescription.ui.PrescriptionPanel;
import com.mediscan.consultation.service.CallEnded;
import com.mediscan.consultation.service.CallSignal;
import com.mediscan.consultation.service.CallStarted;
import com.mediscan.consultation.service.RoomBus;
import com.mediscan.consultation.service.RoomEvent;
import com.mediscan.consultation.service.RoomRegistry;
import com.mediscan.consultation.service.RoomRegistry.Seat;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuTest;
import com.mediscan.support.TestAppointments;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.communication.PushMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The consultation's server-side rules as the view drives them: who may enter, the waiting room,
 * the appointment's state machine, the relay between the element and the room, shortcuts and
 * controls. The other participant is played through {@link RoomRegistry} directly, as their
 * window would.
 */
class ConsultationViewTest extends KaribuTest {

    @Autowired
    RoomRegistry rooms;
    @Autowired
    RoomBus bus;
    @Autowired
    AppointmentRepository appointments;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    Clock clock;

    private Appointment appointment;
    private final List<RoomEvent> published = new CopyOnWriteArrayList<>();
    private AutoCloseable listening;

    @BeforeEach
    void newAppointment() {
        appointment = TestAppointments.checkedInNow(applicationContext, DemoUsers.RAJESH, DemoUsers.KRIYA);
        listening = bus.subscribe(appointment.getId(), published::add);
    }

    @AfterEach
    void stopListening() throws Exception {
        listening.close();
    }

    private ConsultationView open(String email) {
        signIn(email);
        UI.getCurrent().navigate("video-consultation/" + appointment.getId());
        MockVaadin.runUIQueue();
        ConsultationView view = _get(ConsultationView.class);
        if (view.stage.joinCheck.isVisible()) {
            _click(view.stage.joinCheck.joinNow);
            MockVaadin.runUIQueue();
        }
        return view;
    }

    private Seat otherWindowOf(String email) {
        Seat seat = rooms.enter(appointment, accounts.findByEmail(email).orElseThrow().getId());
        MockVaadin.runUIQueue();
        return seat;
    }

    private AppointmentStatus status() {
        return TestAppointments.reload(applicationContext, appointment).getStatus();
    }

    /** The database keeps microseconds; what the view announced may carry nanoseconds. */
    private static boolean sameMoment(Instant announced, Instant stored) {
        return Duration.between(announced, stored).abs().toMillis() < 1;
    }

    private void shortcut(ConsultationView view, String key) {
        var data = JacksonUtils.createObjectNode();
        data.put("event.detail.key", key);
        BasicUtilsKt._fireDomEvent(view.stage.mediaCall, "call-shortcut", data);
    }

    @Test
    void thePatientWaitsForTheDoctorAndIsMarkedWaiting() {
        ConsultationView view = open(DemoUsers.KRIYA);

        assertThat(view.stage.waitingRoom.isVisible()).isTrue();
        assertThat(view.stage.waitingRoom.title.getText()).isEqualTo("Waiting for Dr. Rajesh Patel");
        assertThat(view.stage.waitingRoom.detail.getText()).isEqualTo("Dr. Rajesh Patel has not joined yet.");
        assertThat(view.header.connectionStatus.getText()).isEqualTo(CallPhase.WAITING.status());
        assertThat(view.header.callTimer.isVisible()).isFalse();
        assertThat(status()).isEqualTo(AppointmentStatus.WAITING);
        assertThat(CallActivity.isActive(VaadinSession.getCurrent())).isTrue();
        assertThat(VaadinSession.getCurrent().getAttribute("mediscan.call.active")).isEqualTo(Boolean.TRUE);
        assertThat(view.stage.controls.prescription.isVisible()).isFalse();

        otherWindowOf(DemoUsers.RAJESH);
        assertThat(view.stage.waitingRoom.title.getText()).isEqualTo("Dr. Rajesh Patel is here");
        assertThat(view.header.connectionStatus.getText()).isEqualTo(CallPhase.CONNECTING.status());
    }

    @Test
    void theCheckBeforeJoiningKeepsThePatientOutOfTheRoomUntilTheyJoin() {
        signIn(DemoUsers.KRIYA);
        UI.getCurrent().navigate("video-consultation/" + appointment.getId());
        MockVaadin.runUIQueue();
        ConsultationView view = _get(ConsultationView.class);

        assertThat(view.stage.joinCheck.isVisible()).isTrue();
        assertThat(view.getElement().getAttribute("data-phase")).as("hides the controls").isEqualTo("checking");
        assertThat(status()).isEqualTo(AppointmentStatus.SCHEDULED);
        assertThat(rooms.peerOf(otherWindowOf(DemoUsers.RAJESH))).isEmpty();

        view.stage.mediaCall.mediaFailed("Your camera and microphone are not available: the browser blocks them for this site.");
        assertThat(view.stage.joinCheck.problem.isVisible()).isTrue();
        assertThat(view.stage.joinCheck.retryMedia.isVisible()).isTrue();
        assertThat(view.stage.waitingRoom.mediaProblem.isVisible()).isFalse();

        _click(view.stage.joinCheck.joinCameraOff);
        MockVaadin.runUIQueue();
        assertThat(view.stage.joinCheck.isVisible()).isFalse();
        assertThat(view.getElement().getAttribute("data-phase")).isEqualTo("connecting");
        assertThat(view.stage.mediaCall.mediaState().cameraOn()).isFalse();
        assertThat(view.stage.controls.camera.getAriaLabel()).contains(CallControls.CAMERA_ON);
        assertThat(status()).isEqualTo(AppointmentStatus.WAITING);
        assertThat(view.stage.waitingRoom.title.getText()).isEqualTo("Dr. Rajesh Patel is here");
    }

    @Test
    void leavingTheWaitingRoomPutsTheAppointmentBack() {
        open(DemoUsers.KRIYA);
        assertThat(status()).isEqualTo(AppointmentStatus.WAITING);

        UI.getCurrent().navigate("patient");
        MockVaadin.runUIQueue();

        assertThat(status()).isEqualTo(AppointmentStatus.SCHEDULED);
        assertThat(CallActivity.isActive(VaadinSession.getCurrent())).isFalse();
        assertThat(VaadinSession.getCurrent().getAttribute("mediscan.call.active")).isNull();
    }

    @Test
    void otherDoctorsAndPatientsAreRefusedLikeAMissingAppointment() {
        for (String outsider : List.of(DemoUsers.SNEHA, DemoUsers.ARJUN)) {
            signIn(outsider);
            UI.getCurrent().navigate("video-consultation/" + appointment.getId());
            _get(NotAvailableView.class);
            _assertNone(ConsultationView.class);
            assertThat(auditEvents.findByActorEmailOrderByIdAsc(outsider)).anyMatch(event ->
                    event.getAction() == AuditAction.CONSULTATION_OPENED && event.getOutcome() == AuditOutcome.DENIED
                            && appointment.getId().equals(event.getRecordId()));
        }
        for (String missing : List.of("987654321", "not-a-number")) {
            UI.getCurrent().navigate("video-consultation/" + missing);
            _get(NotAvailableView.class);
        }
        assertThat(status()).isEqualTo(AppointmentStatus.SCHEDULED);
    }

    @Test
    void aParticipantOutsideTheJoinWindowIsToldWhy() {
        // Removed afterwards: other tests in this shared context look for Kriya's next appointment.
        Appointment later = appointments.save(new Appointment(appointment.getDoctor(), appointment.getPatient(),
                clock.instant().plus(Duration.ofDays(40)).plusSeconds(appointment.getId()), Duration.ofMinutes(30), "Later"));
        try {
            signIn(DemoUsers.KRIYA);
            UI.getCurrent().navigate("video-consultation/" + later.getId());

            ConsultationView view = _get(ConsultationView.class);
            assertThat(BasicUtilsKt.get_textRecursively(view)).contains("The call opens 15 minutes before the appointment starts.");
            assertThat(view.stage).isNull();
        } finally {
            appointments.delete(later);
        }
    }

    @Test
    void theDoctorSeesThePatientArriveIsAlertedAndConnects() {
        ConsultationView view = open(DemoUsers.RAJESH);
        assertThat(view.stage.waitingRoom.title.getText()).isEqualTo("Waiting for Kriya Mehta");
        assertThat(view.stage.controls.prescription.isVisible()).isTrue();

        Seat patient = otherWindowOf(DemoUsers.KRIYA);

        assertThat(view.stage.waitingRoom.title.getText()).isEqualTo("Kriya Mehta is waiting");
        assertThat(view.stage.waitingRoom.detail.getText()).isEqualTo("Waiting for less than a minute · Connecting…");
        Instant arrived = rooms.presentSince(appointment.getId(), patient.accountId()).orElseThrow();
        assertThat(view.waitedTimeDue).as("one update, when the first minute is up").isEqualTo(arrived.plus(Duration.ofMinutes(1)));
        assertThat(view.stage.mediaCall.arrivalsAnnounced()).isEqualTo(1);
        assertThat(view.stage.mediaCall.peerSeatId()).contains(patient.id());

        view.stage.mediaCall.connectionStateChanged("connected");

        Appointment started = TestAppointments.reload(applicationContext, appointment);
        assertThat(started.getStatus()).isEqualTo(AppointmentStatus.IN_PROGRESS);
        assertThat(started.getCallStartedAt()).isNotNull();
        assertThat(published).anyMatch(event -> event instanceof CallStarted callStarted
                && sameMoment(callStarted.startedAt(), started.getCallStartedAt()));
        assertThat(view.header.connectionStatus.getText()).isEqualTo(CallPhase.CONNECTED.status());
        assertThat(view.stage.waitingRoom.isVisible()).isFalse();
        assertThat(view.header.callTimer.isVisible()).isTrue();
        assertThat(view.header.callTimer.getElement().getAttribute(CallHeader.COUNTS_FROM))
                .as("the browser counts from the recorded start").isEqualTo(String.valueOf(started.getCallStartedAt().toEpochMilli()));
        assertThat(Long.parseLong(view.header.callTimer.getElement().getAttribute(CallHeader.SERVER_NOW)))
                .isCloseTo(clock.millis(), Offset.offset(5_000L));
        assertThat(view.waitedTimeDue).as("nothing is due once connected").isNull();

        view.stage.mediaCall.connectionStateChanged("disconnected");
        assertThat(view.header.connectionStatus.getText()).isEqualTo(CallPhase.RECONNECTING.status());
    }

    @Test
    void theDoctorEndingTheCallCompletesItForBoth() {
        ConsultationView view = open(DemoUsers.RAJESH);
        Seat patient = otherWindowOf(DemoUsers.KRIYA);
        view.stage.mediaCall.connectionStateChanged("connected");

        _click(view.stage.controls.endCall);

        Appointment ended = TestAppointments.reload(applicationContext, appointment);
        assertThat(ended.getStatus()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(published).anyMatch(event -> event instanceof CallEnded callEnded && callEnded.completed()
                && sameMoment(callEnded.startedAt(), ended.getCallStartedAt()) && sameMoment(callEnded.endedAt(), ended.getCallEndedAt()));
        String shown = BasicUtilsKt.get_textRecursively(view);
        assertThat(shown).contains(CallNotices.CALL_ENDED).contains("You ended the call.").containsPattern("Duration \\d\\d:\\d\\d");
        assertThat(view.stage.mediaCall.isHungUp()).isTrue();
        assertThat(rooms.peerOf(patient)).isEmpty();
        assertThat(CallActivity.isActive(VaadinSession.getCurrent())).isFalse();
    }

    @Test
    void thePatientSeesTheDoctorEndTheCall() {
        ConsultationView view = open(DemoUsers.KRIYA);
        Seat doctor = otherWindowOf(DemoUsers.RAJESH);
        Instant startedAt = clock.instant().minus(Duration.ofMinutes(12)).minusSeconds(5);

        rooms.announceCallEnded(doctor, startedAt, startedAt.plus(Duration.ofMinutes(12).plusSeconds(5)), true);
        MockVaadin.runUIQueue();

        String shown = BasicUtilsKt.get_textRecursively(view);
        assertThat(shown).contains(CallNotices.CALL_ENDED).contains("Dr. Rajesh Patel ended the call.").contains("Duration 12:05");
        assertThat(shown).doesNotContain("Rejoin call");
        assertThat(view.stage.mediaCall.isHungUp()).isTrue();
    }

    @Test
    void thePatientEndingLeavesTheAppointmentForTheDoctorToComplete() {
        ConsultationView view = open(DemoUsers.KRIYA);
        Seat doctor = otherWindowOf(DemoUsers.RAJESH);
        appointment = appointments.save(advance(TestAppointments.reload(applicationContext, appointment)));

        _click(view.stage.controls.endCall);

        assertThat(status()).isEqualTo(AppointmentStatus.IN_PROGRESS);
        assertThat(published).anyMatch(event -> event instanceof CallEnded callEnded && !callEnded.completed());
        assertThat(BasicUtilsKt.get_textRecursively(view)).contains(CallNotices.CALL_ENDED).contains("Rejoin call");
        assertThat(rooms.peerOf(doctor)).isEmpty();
    }

    private Appointment advance(Appointment waiting) {
        waiting.moveTo(AppointmentStatus.IN_PROGRESS, clock.instant().minus(Duration.ofMinutes(5)));
        return waiting;
    }

    @Test
    void aReloadMidCallGoesStraightInWithoutTheCheckAndCountsFromTheRecordedStart() {
        appointment = appointments.save(advance(TestAppointments.reload(applicationContext, appointment)));
        signIn(DemoUsers.KRIYA);
        UI.getCurrent().navigate("video-consultation/" + appointment.getId());
        MockVaadin.runUIQueue();
        ConsultationView view = _get(ConsultationView.class);

        assertThat(view.stage.joinCheck.isVisible()).isFalse();
        assertThat(view.state.phase()).isEqualTo(CallPhase.WAITING);
        assertThat(view.getElement().getAttribute("data-phase")).isEqualTo("waiting");
        assertThat(CallActivity.isActive(VaadinSession.getCurrent())).isTrue();

        assertThat(view.header.callTimer.isVisible()).isTrue();
        long countsFrom = Long.parseLong(view.header.callTimer.getElement().getAttribute(CallHeader.COUNTS_FROM));
        long serverNow = Long.parseLong(view.header.callTimer.getElement().getAttribute(CallHeader.SERVER_NOW));
        assertThat(countsFrom).isEqualTo(TestAppointments.reload(applicationContext, appointment).getCallStartedAt().toEpochMilli());
        assertThat(serverNow - countsFrom).as("the call has run five minutes").isGreaterThanOrEqualTo(300_000);
        assertThat(view.stage.waitingRoom.title.getText()).isEqualTo("Dr. Rajesh Patel left the call");
        otherWindowOf(DemoUsers.RAJESH);
        assertThat(view.header.connectionStatus.getText()).isEqualTo(CallPhase.RECONNECTING.status());
    }

    @Test
    void signalsTravelBetweenTheElementAndTheOtherWindowOnly() {
        ConsultationView view = open(DemoUsers.KRIYA);
        Seat doctor = otherWindowOf(DemoUsers.RAJESH);

        view.stage.mediaCall.signal("{\"candidate\":{\"candidate\":\"x\"}}");
        assertThat(published).filteredOn(CallSignal.class::isInstance).map(CallSignal.class::cast)
                .singleElement().satisfies(signal -> {
                    assertThat(signal.recipientSeatId()).isEqualTo(doctor.id());
                    assertThat(signal.payload()).isEqualTo("{\"candidate\":{\"candidate\":\"x\"}}");
                });

        // Without push, the element calls wait in the UI instead of being written to the (mock) browser.
        UI.getCurrent().getPushConfiguration().setPushMode(PushMode.DISABLED);
        rooms.relay(doctor, "{\"description\":{\"type\":\"offer\"}}");
        MockVaadin.runUIQueue();
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        assertThat(UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations())
                .anyMatch(invocation -> invocation.getInvocation().getExpression().contains("receiveSignal")
                        && invocation.getInvocation().getParameters().contains("{\"description\":{\"type\":\"offer\"}}"));
    }

    @Test
    void theOfferPreparedWhileAloneLeavesTheMomentThePatientArrives() {
        ConsultationView view = open(DemoUsers.RAJESH);
        String offer = "[{\"description\":{\"type\":\"offer\"}},{\"candidate\":{\"candidate\":\"a\"}}]";
        view.stage.mediaCall.prepared(0, 1, offer);
        UI.getCurrent().getPushConfiguration().setPushMode(PushMode.DISABLED);

        Seat patient = otherWindowOf(DemoUsers.KRIYA);

        assertThat(signalsTo(patient)).containsExactly(offer);
        assertThat(elementCalls("connect")).singleElement().satisfies(parameters ->
                assertThat(parameters).containsExactly(patient.id(), 1, 1));

        // Sent once: a set that comes while connected, or one made for the connection before a
        // disconnect, is never sent to the next window.
        view.stage.mediaCall.prepared(1, 2, "{\"description\":{\"type\":\"offer\",\"sdp\":\"late\"}}");
        rooms.leave(patient);
        MockVaadin.runUIQueue();
        view.stage.mediaCall.prepared(1, 3, "{\"description\":{\"type\":\"offer\",\"sdp\":\"stale\"}}");
        Seat back = otherWindowOf(DemoUsers.KRIYA);
        assertThat(signalsTo(back)).isEmpty();

        rooms.leave(back);
        MockVaadin.runUIQueue();
        String fresh = "{\"description\":{\"type\":\"offer\",\"sdp\":\"fresh\"}}";
        view.stage.mediaCall.prepared(4, 1, fresh);
        Seat again = otherWindowOf(DemoUsers.KRIYA);
        assertThat(signalsTo(again)).containsExactly(fresh);
    }

    private List<String> signalsTo(Seat seat) {
        return published.stream().filter(CallSignal.class::isInstance).map(CallSignal.class::cast)
                .filter(signal -> signal.recipientSeatId().equals(seat.id())).map(CallSignal::payload).toList();
    }

    /** The parameters of each pending call of the element's {@code name} function, in order. */
    private List<List<Object>> elementCalls(String name) {
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .filter(invocation -> invocation.getInvocation().getExpression().contains("." + name + "("))
                .map(invocation -> invocation.getInvocation().getParameters().subList(1,
                        invocation.getInvocation().getParameters().size()))
                .toList();
    }

    @Test
    void aSecondWindowTakesTheCallOver() {
        ConsultationView view = open(DemoUsers.KRIYA);

        otherWindowOf(DemoUsers.KRIYA);

        assertThat(BasicUtilsKt.get_textRecursively(view)).contains(CallNotices.TAKEN_OVER).contains("Use this window");
        assertThat(view.stage.mediaCall.isHungUp()).isTrue();
        assertThat(status()).isEqualTo(AppointmentStatus.WAITING);
        assertThat(CallActivity.isActive(VaadinSession.getCurrent())).isFalse();
    }

    @Test
    void shortcutsWorkTheControlsButNotWhileADialogIsOpen() {
        ConsultationView view = open(DemoUsers.RAJESH);

        shortcut(view, "Space");
        assertThat(view.stage.controls.microphone.getAriaLabel()).contains(CallControls.UNMUTE);
        assertThat(view.stage.mediaCall.mediaState().microphoneOn()).isFalse();
        shortcut(view, "V");
        assertThat(view.stage.controls.camera.getAriaLabel()).contains(CallControls.CAMERA_ON);
        assertThat(view.stage.controls.camera.getTooltip().getText()).isEqualTo(CallControls.CAMERA_ON);
        shortcut(view, "C");
        assertThat(view.sidePanels.chat.isVisible()).isTrue();
        assertThat(view.sidePanels.chat.isVisible()).isTrue();

        shortcut(view, "?");
        assertThat(view.shortcutsDialog.isOpened()).isTrue();
        shortcut(view, "Space");
        assertThat(view.stage.mediaCall.mediaState().microphoneOn()).isFalse();
        view.shortcutsDialog.close();

        shortcut(view, "Escape");
        assertThat(view.endConfirmation.isOpened()).isTrue();
        ConfirmDialogKt._fireCancel(view.endConfirmation);
        view.endConfirmation.close();
        assertThat(status()).isEqualTo(AppointmentStatus.SCHEDULED);

        shortcut(view, "Escape");
        ConfirmDialogKt._fireConfirm(view.endConfirmation);
        assertThat(BasicUtilsKt.get_textRecursively(view)).contains(CallNotices.CALL_ENDED);
    }

    @Test
    void aMediaProblemInTheRoomIsShownOverTheCall() {
        ConsultationView view = open(DemoUsers.RAJESH);

        view.stage.mediaCall.mediaFailed("Your camera is not available: no camera or microphone was found.");
        assertThat(view.stage.waitingRoom.mediaProblem.isVisible()).isTrue();
        assertThat(view.stage.waitingRoom.mediaProblem.getText()).contains("no camera");
        assertThat(view.stage.joinCheck.problem.isVisible()).isFalse();
    }

    @Test
    void theDoctorsSidePanelsHoldTheChatAndThePrescriptionAndTheChatCountsUnread() {
        ConsultationView view = open(DemoUsers.RAJESH);
        assertThat(view.sidePanels.chat.content.getChildren()).singleElement().isInstanceOf(ChatPanel.class);
        assertThat(view.sidePanels.prescription.content.getChildren()).as("the form is made when first opened")
                .singleElement().isInstanceOf(Paragraph.class);
        ChatPanel chat = (ChatPanel) view.sidePanels.chat.content.getChildren().findFirst().orElseThrow();
        assertThat(chat.isPanelOpen()).isFalse();

        _click(view.stage.controls.chat);
        assertThat(chat.isPanelOpen()).isTrue();
        assertThat(view.stage.controls.chat.getElement().getAttribute("aria-pressed")).isEqualTo("true");

        _click(view.stage.controls.prescription);
        assertThat(view.sidePanels.prescription.content.getChildren()).singleElement().isInstanceOf(PrescriptionPanel.class);
        _click(view.stage.controls.prescription);
        _click(view.stage.controls.prescription);
        assertThat(view.sidePanels.prescription.content.getChildren()).as("made once").singleElement().isInstanceOf(PrescriptionPanel.class);
    }

    @Test
    void theDialogsOfTheCallAreMadeOnlyWhenOpened() {
        ConsultationView view = open(DemoUsers.KRIYA);
        assertThat(view.endConfirmation).isNull();
        assertThat(view.shortcutsDialog).isNull();
        assertThat(view.stage.deviceDialog).isNull();
        shortcut(view, "?");
        assertThat(view.shortcutsDialog.isOpened()).isTrue();
    }
}
