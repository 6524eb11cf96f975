package com.mediscan.consultation.ui;

import com.mediscan.account.domain.Role;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.base.ui.Notices;
import com.mediscan.chat.ui.ChatPanel;
import com.mediscan.chat.ui.ChatPanelFactory;
import com.mediscan.consultation.service.CallEnded;
import com.mediscan.consultation.service.CallSignal;
import com.mediscan.consultation.service.CallStarted;
import com.mediscan.consultation.service.IceServers;
import com.mediscan.consultation.service.PresenceChanged;
import com.mediscan.consultation.service.RoomBus;
import com.mediscan.consultation.service.RoomEvent;
import com.mediscan.consultation.service.RoomRegistry.Occupant;
import com.mediscan.consultation.service.RoomRegistry.Seat;
import com.mediscan.consultation.service.RoomRegistry;
import com.mediscan.consultation.service.RoomResync;
import com.mediscan.consultation.service.SeatLost;
import com.mediscan.prescription.ui.PrescriptionIssuedNotice;
import com.mediscan.prescription.ui.PrescriptionPanelFactory;
import com.mediscan.security.CurrentUser;
import com.mediscan.security.SignedInUser;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.SvgIcon;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The video consultation of one appointment: waiting room, peer-to-peer call, controls, and the
 * side panels for chat and prescription. Anyone may ask for the address ({@code @PermitAll});
 * {@link AppointmentService#openConsultation} decides, audits, and a refusal shows the same page
 * as a missing appointment. Room events arrive on other threads and are applied in
 * {@code ui.access}; services are always called as this view's user ({@link #asViewer}).
 */
@Route(value = "video-consultation/:appointmentId", autoLayout = false)
@PageTitle("Video consultation · MediScan")
@PermitAll
@StyleSheet("assets/consultation/consultation.css")
public class ConsultationView extends Div implements BeforeEnterObserver {

    static final String TAKEN_OVER = "You joined from another window";
    static final String CALL_ENDED = "Call ended";
    static final String WAITING = "Waiting";
    static final String CONNECTING = "Connecting…";
    static final String CONNECTED = "Connected";
    static final String RECONNECTING = "Reconnecting…";

    private static final Logger log = LoggerFactory.getLogger(ConsultationView.class);

    private enum Phase { CLOSED, IN_ROOM, ENDED, TAKEN_OVER }

    private final AppointmentService appointmentService;
    private final RoomRegistry rooms;
    private final RoomBus bus;
    private final IceServers iceServers;
    private final CurrentUser currentUser;
    private final CallTicker ticker;
    private final Clock clock;
    private final ChatPanelFactory chatPanels;
    private final PrescriptionPanelFactory prescriptionPanels;

    private Phase phase = Phase.CLOSED;
    private Appointment appointment;
    private SignedInUser viewer;
    private boolean forDoctor;
    private String peerName;
    private Instant callStartedAt;
    private Instant peerPresentSince;
    private boolean connected;
    private boolean presenceKnown;
    /** The peer's node stopped and released their seat: they did not leave, their connection was lost. */
    private boolean peerConnectionLost;

    private SecurityContext viewerSecurity;
    private Seat seat;
    private AutoCloseable roomSubscription;
    private Registration ticking;
    private UI ui;

    final Span connectionStatus = new Span();
    final Span callTimer = new Span();
    final Div waitingPanel = new Div();
    final H2 waitingTitle = new H2();
    final Paragraph waitingDetail = new Paragraph();
    final Paragraph mediaProblem = new Paragraph();
    /** Holds the chat panel; a placeholder until {@link #setChatPanel} puts it in. */
    final SidePanel chatPanel = new SidePanel("Chat", "Close chat", "The chat will appear here.", this::toggleChat);
    /** Holds the prescription panel (doctor only); a placeholder until {@link #setPrescriptionPanel}. */
    final SidePanel prescriptionPanel = new SidePanel("Prescription", "Close prescription",
            "The prescription form will appear here.", this::togglePrescription);
    final ConfirmDialog endConfirmation = new ConfirmDialog();
    final ShortcutsDialog shortcutsDialog = new ShortcutsDialog();
    /** The check before joining: own preview (in the element), device pickers, help, and the ways to join. */
    final Div preJoin = new Div();
    final Paragraph preJoinProblem = new Paragraph();
    final Button retryMedia = new Button("Try again");
    final Button joinNow = new Button("Join now");
    final Button joinCameraOff = new Button("Join with camera off");
    final Button joinAudioOnly = new Button("Join with audio only");
    final Dialog deviceDialog = new Dialog();
    DevicePickers devicePickers;
    private boolean audioOnly;
    MediaCall mediaCall;
    CallControls controls;
    ChatPanel chat;

    public ConsultationView(AppointmentService appointmentService, RoomRegistry rooms, RoomBus bus, IceServers iceServers,
                            CurrentUser currentUser, CallTicker ticker, Clock clock, ChatPanelFactory chatPanels,
                            PrescriptionPanelFactory prescriptionPanels) {
        this.appointmentService = appointmentService;
        this.rooms = rooms;
        this.bus = bus;
        this.iceServers = iceServers;
        this.currentUser = currentUser;
        this.ticker = ticker;
        this.clock = clock;
        this.chatPanels = chatPanels;
        this.prescriptionPanels = prescriptionPanels;
        addClassName("consultation-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> appointmentId = event.getRouteParameters().get("appointmentId").flatMap(ConsultationView::parseId);
        if (appointmentId.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        try {
            Appointment opened = appointmentService.openConsultation(appointmentId.get());
            buildCall(opened, currentUser.require());
        } catch (NotFoundOrDeniedException refused) {
            event.rerouteToError(NotFoundException.class);
        } catch (BusinessRuleException closed) {
            showNotice("Consultation not open", closed.getMessage());
        }
    }

    /** Puts a chat panel into the chat side panel, replacing the placeholder. */
    public void setChatPanel(Component panel) {
        chatPanel.setContent(panel);
    }

    /** Puts a prescription panel into the doctor's prescription side panel, replacing the placeholder. */
    public void setPrescriptionPanel(Component panel) {
        prescriptionPanel.setContent(panel);
    }

    /** Shows unread chat messages as a badge on the chat button (0 hides it). */
    public void setUnreadChatCount(int count) {
        if (controls != null) {
            controls.setUnreadChatCount(count);
        }
    }

    public boolean isChatOpen() {
        return chatPanel.isVisible();
    }

    private void buildCall(Appointment opened, SignedInUser user) {
        appointment = opened;
        viewer = user;
        forDoctor = user.is(Role.DOCTOR);
        peerName = forDoctor ? opened.getPatient().getAccount().getFullName() : opened.getDoctor().getDisplayName();
        callStartedAt = opened.getCallStartedAt();
        phase = Phase.IN_ROOM;

        mediaCall = new MediaCall(!forDoctor, peerName, iceServers.forAccount(user.accountId()));
        mediaCall.onSignal(payload -> rooms.relay(seat, payload));
        mediaCall.onConnectionState(this::connectionChanged);
        mediaCall.onMediaState(this::mediaChanged);
        mediaCall.onMediaFailure(this::showMediaProblem);
        mediaCall.onShortcut(this::shortcut);
        devicePickers = new DevicePickers(mediaCall::useDevice);
        mediaCall.onDevices(devicePickers::show);
        mediaCall.onDeviceSwitched(Notices::info);

        controls = new CallControls(forDoctor);
        controls.microphone.addClickListener(click -> toggleMicrophone());
        controls.camera.addClickListener(click -> toggleCamera());
        controls.chat.addClickListener(click -> toggleChat());
        controls.prescription.addClickListener(click -> togglePrescription());
        controls.endCall.addClickListener(click -> endCall());
        controls.audioOnly.addClickListener(click -> setAudioOnly(!audioOnly));
        controls.devices.addClickListener(click -> openDevices());

        waitingPanel.addClassName("waiting-panel");
        waitingTitle.addClassName("waiting-title");
        waitingTitle.getElement().setAttribute("aria-live", "polite");
        waitingDetail.addClassName("waiting-detail");
        mediaProblem.addClassName("media-problem");
        mediaProblem.setVisible(false);
        Span presenceDot = new Span();
        presenceDot.addClassName("presence-dot");
        waitingPanel.add(presenceDot, waitingTitle, waitingDetail, mediaProblem);

        buildPreJoin();
        Div stage = new Div(mediaCall, waitingPanel, preJoin);
        stage.addClassName("call-stage");
        chat = chatPanels.create(opened.getId());
        chat.setPanelOpen(false);
        chat.addUnreadCountListener(this::setUnreadChatCount);
        setChatPanel(chat);
        if (forDoctor) {
            setPrescriptionPanel(prescriptionPanels.create(opened.getId()));
        } else {
            stage.add(new PrescriptionIssuedNotice(bus, opened.getId()));
        }

        Div body = new Div(stage, chatPanel);
        if (forDoctor) {
            body.add(prescriptionPanel);
        }
        body.addClassName("call-body");

        buildEndConfirmation();
        add(header(opened), body, controls);
        showState();
    }

    private void buildPreJoin() {
        preJoin.addClassName("prejoin-panel");
        preJoin.getElement().setAttribute("role", "region");
        preJoin.getElement().setAttribute("aria-label", "Check before joining");
        preJoinProblem.addClassName("media-problem");
        preJoinProblem.getElement().setAttribute("role", "alert");
        preJoinProblem.setVisible(false);
        retryMedia.setVisible(false);
        retryMedia.addClickListener(click -> {
            preJoinProblem.setVisible(false);
            retryMedia.setVisible(false);
            mediaCall.retryMedia();
        });
        joinNow.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        joinNow.addClickListener(click -> join(false, false));
        joinCameraOff.addClickListener(click -> join(false, true));
        joinAudioOnly.addClickListener(click -> join(true, true));
        Div joinButtons = new Div(joinNow, joinCameraOff, joinAudioOnly);
        joinButtons.addClassName("prejoin-actions");
        preJoin.add(new H2("Ready to join?"),
                new Paragraph("Check your camera and microphone. Only you see this preview."),
                preJoinProblem, retryMedia, devicePickers, joinButtons);

        deviceDialog.setHeaderTitle("Camera, microphone and speaker");
        deviceDialog.getFooter().add(new Button("Done", click -> deviceDialog.close()));
    }

    private Header header(Appointment opened) {
        Anchor home = new Anchor("", "MediScan");
        home.addClassName("call-brand");
        Span title = new Span("Consultation with " + peerName);
        title.addClassName("call-title");
        Span subtitle = new Span(forDoctor ? Objects.requireNonNullElse(opened.getReason(), "")
                : opened.getDoctor().getSpecialty());
        subtitle.addClassName("call-subtitle");
        Div titles = new Div(title, subtitle);
        titles.addClassName("call-titles");

        connectionStatus.addClassName("connection-status");
        connectionStatus.getElement().setAttribute("role", "status");
        callTimer.addClassName("call-timer");
        callTimer.getElement().setAttribute("aria-label", "Call duration");
        callTimer.getElement().setAttribute("role", "timer");

        Button help = new Button(new SvgIcon(CallControls.ICONS, "keyboard"), click -> openShortcuts());
        help.addThemeVariants(ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_TERTIARY);
        help.setAriaLabel("Keyboard shortcuts");
        help.setTooltipText("Keyboard shortcuts (?)");
        help.addClassName("shortcuts-button");

        Header header = new Header(home, titles, connectionStatus, callTimer, help);
        header.addClassName("call-header");
        return header;
    }

    private void buildEndConfirmation() {
        endConfirmation.setHeader("End the call?");
        endConfirmation.setText(forDoctor
                ? "The call ends for both of you and the consultation is marked as completed."
                : "The call ends for both of you.");
        endConfirmation.setCancelable(true);
        endConfirmation.setCancelText("Keep talking");
        endConfirmation.setConfirmText("End");
        endConfirmation.setConfirmButtonTheme("error primary");
        endConfirmation.addConfirmListener(confirmed -> endCall());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (phase != Phase.IN_ROOM || seat != null) {
            return;
        }
        ui = attachEvent.getUI();
        viewerSecurity = SecurityContextHolder.createEmptyContext();
        viewerSecurity.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        mediaCall.startMedia();
        if (appointment.getStatus() == AppointmentStatus.IN_PROGRESS && callStartedAt != null) {
            // Back after a reload or a lost connection: straight into the running call, no second check.
            enterRoom();
        } else {
            showPreJoin(true);
        }
    }

    /** Leaves the check before joining and enters the room, as the person chose. */
    void join(boolean withAudioOnly, boolean cameraOff) {
        if (phase != Phase.IN_ROOM || seat != null) {
            return;
        }
        if (cameraOff && mediaCall.mediaState().cameraOn()) {
            toggleCamera();
        }
        if (withAudioOnly) {
            setAudioOnly(true);
        }
        showPreJoin(false);
        enterRoom();
    }

    private void showPreJoin(boolean show) {
        preJoin.setVisible(show);
        controls.setVisible(!show);
        mediaCall.setPreview(show);
        if (show) {
            waitingPanel.setVisible(false);
        } else {
            deviceDialog.add(devicePickers);
        }
    }

    private void enterRoom() {
        UI attachedTo = ui;
        roomSubscription = bus.subscribe(appointment.getId(), event -> inUi(attachedTo, () -> roomEvent(event)));
        seat = rooms.enter(appointment, viewer.accountId());
        if (!forDoctor) {
            asViewer(() -> appointmentService.patientArrived(appointment.getId()));
        }
        refreshPresence();
        ticking = ticker.everySecond(() -> inUi(attachedTo, this::refreshClocks));
        CallActivity.started(ui);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (phase == Phase.IN_ROOM && seat != null) {
            leaveRoom();
        }
        stopListening();
        super.onDetach(detachEvent);
    }

    private static void inUi(UI target, Runnable command) {
        try {
            target.access(command::run);
        } catch (UIDetachedException gone) {
            // The window closed while the event was on its way; nothing left to update.
        }
    }

    void roomEvent(RoomEvent event) {
        if (phase != Phase.IN_ROOM) {
            return;
        }
        switch (event) {
            case CallSignal signal -> signalArrived(signal);
            case PresenceChanged ignored -> refreshPresence();
            case RoomResync ignored -> refreshPresence();
            case SeatLost lost when lost.senderAccountId() != viewer.accountId() -> {
                peerConnectionLost = true;
                refreshPresence();
            }
            case CallStarted started when started.senderAccountId() != viewer.accountId() -> {
                callStartedAt = started.startedAt();
                refreshClocks();
            }
            case CallEnded ended when ended.senderAccountId() != viewer.accountId() ->
                    showEnded(ended.startedAt(), ended.endedAt(), peerName + " ended the call.", ended.completed());
            default -> {
                // Events of other features (chat, prescriptions) are for their panels.
            }
        }
    }

    private void signalArrived(CallSignal signal) {
        if (!signal.recipientSeatId().equals(seat.id())) {
            return;
        }
        if (!signal.senderSeatId().equals(mediaCall.peerSeatId().orElse(null))) {
            refreshPresence();
        }
        if (signal.senderSeatId().equals(mediaCall.peerSeatId().orElse(null))) {
            mediaCall.deliver(signal.payload());
        }
    }

    /** Follows who is in the room: connects to the other participant's current window, or waits. */
    void refreshPresence() {
        if (phase != Phase.IN_ROOM) {
            return;
        }
        if (!rooms.isCurrent(seat)) {
            takenOver();
            return;
        }
        Optional<Occupant> peer = rooms.peerOf(seat);
        String peerSeatId = peer.map(occupant -> occupant.seat().id()).orElse(null);
        String connectedSeatId = mediaCall.peerSeatId().orElse(null);
        if (!Objects.equals(peerSeatId, connectedSeatId)) {
            connected = false;
            if (peerSeatId == null) {
                mediaCall.disconnectPeer();
            } else {
                if (connectedSeatId == null && forDoctor && presenceKnown) {
                    mediaCall.announceArrival(callStartedAt == null ? peerName + " is waiting" : peerName + " is back",
                            peerName + " joined the video consultation.");
                }
                mediaCall.connectTo(peerSeatId);
            }
        }
        presenceKnown = true;
        peerPresentSince = peer.map(Occupant::presentSince).orElse(null);
        peerConnectionLost &= peerPresentSince == null;
        showState();
    }

    private void connectionChanged(MediaCall.ConnectionState state) {
        if (phase != Phase.IN_ROOM) {
            return;
        }
        connected = state == MediaCall.ConnectionState.CONNECTED;
        if (connected && forDoctor && callStartedAt == null) {
            recordCallStart();
        }
        showState();
    }

    private void recordCallStart() {
        Appointment started;
        try {
            started = asViewer(() -> appointmentService.callConnected(appointment.getId()));
        } catch (OptimisticLockingFailureException concurrentChange) {
            started = asViewer(() -> appointmentService.callConnected(appointment.getId()));
        } catch (BusinessRuleException refused) {
            showMediaProblem(refused.getMessage());
            return;
        }
        callStartedAt = started.getCallStartedAt();
        rooms.announceCallStarted(seat, callStartedAt);
        refreshClocks();
    }

    private void mediaChanged(MediaCall.MediaState state) {
        controls.showMicrophone(state.microphoneOn());
        controls.showCamera(state.cameraOn());
        controls.showScreenSharing(state.sharingScreen());
    }

    private void showMediaProblem(String message) {
        if (seat == null) {
            preJoinProblem.setText(message);
            preJoinProblem.setVisible(true);
            retryMedia.setVisible(true);
            return;
        }
        mediaProblem.setText(message);
        mediaProblem.setVisible(true);
        waitingPanel.setVisible(true);
    }

    private void shortcut(MediaCall.Shortcut shortcut) {
        if (phase != Phase.IN_ROOM || seat == null || endConfirmation.isOpened() || shortcutsDialog.isOpened()) {
            return;
        }
        switch (shortcut) {
            case MUTE -> toggleMicrophone();
            case VIDEO -> toggleCamera();
            case CHAT -> toggleChat();
            case END -> endConfirmation.open();
            case HELP -> openShortcuts();
        }
    }

    void toggleMicrophone() {
        boolean on = !mediaCall.mediaState().microphoneOn();
        mediaCall.setMicrophoneOn(on);
        controls.showMicrophone(on);
    }

    void toggleCamera() {
        boolean on = !mediaCall.mediaState().cameraOn();
        mediaCall.setCameraOn(on);
        controls.showCamera(on);
    }

    void setAudioOnly(boolean on) {
        audioOnly = on;
        mediaCall.setAudioOnly(on);
        controls.showAudioOnly(on);
    }

    private void openDevices() {
        if (!deviceDialog.isOpened()) {
            deviceDialog.open();
        }
    }

    void toggleChat() {
        showChat(!chatPanel.isVisible());
        if (chatPanel.isVisible() && prescriptionPanel.isVisible()) {
            prescriptionPanel.setVisible(false);
            controls.showPrescriptionOpen(false);
        }
    }

    void togglePrescription() {
        if (!forDoctor) {
            return;
        }
        boolean open = !prescriptionPanel.isVisible();
        prescriptionPanel.setVisible(open);
        controls.showPrescriptionOpen(open);
        if (open && chatPanel.isVisible()) {
            showChat(false);
        }
    }

    private void showChat(boolean open) {
        chatPanel.setVisible(open);
        controls.showChatOpen(open);
        chat.setPanelOpen(open);
    }

    private void openShortcuts() {
        if (!shortcutsDialog.isOpened()) {
            shortcutsDialog.open();
        }
    }

    /** Ends the call for both; the doctor's ending completes the appointment. */
    void endCall() {
        if (phase != Phase.IN_ROOM || seat == null) {
            return;
        }
        Appointment ended = asViewer(() -> appointmentService.endCall(appointment.getId()));
        Instant endedAt = ended.getCallEndedAt() != null ? ended.getCallEndedAt() : clock.instant();
        boolean completed = ended.getStatus() == AppointmentStatus.COMPLETED;
        rooms.announceCallEnded(seat, ended.getCallStartedAt(), endedAt, completed);
        showEnded(ended.getCallStartedAt(), endedAt, "You ended the call.", completed);
    }

    private void showEnded(Instant startedAt, Instant endedAt, String who, boolean completed) {
        leaveCall(Phase.ENDED);
        Paragraph duration = new Paragraph(startedAt == null ? "The call did not connect."
                : "Duration " + formatDuration(Duration.between(startedAt, endedAt)));
        duration.addClassName("call-duration");
        Div card = noticeCard(CALL_ENDED, who, duration);
        Div actions = new Div(homeLink());
        actions.addClassName("notice-actions");
        if (!completed) {
            actions.add(reloadButton("Rejoin call"));
        }
        if (forDoctor && !completed && startedAt != null) {
            Button complete = new Button("Mark consultation completed");
            complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            complete.addClickListener(click -> {
                Appointment done = asViewer(() -> appointmentService.endCall(appointment.getId()));
                if (done.getStatus() == AppointmentStatus.COMPLETED) {
                    actions.removeAll();
                    actions.add(homeLink());
                    card.addComponentAtIndex(card.getComponentCount() - 1, new Paragraph("The consultation is completed."));
                }
            });
            actions.add(complete);
        }
        card.add(actions);
    }

    private void takenOver() {
        leaveCall(Phase.TAKEN_OVER);
        Div card = noticeCard(TAKEN_OVER, "The consultation continues in the other window.");
        Div actions = new Div(homeLink(), reloadButton("Use this window"));
        actions.addClassName("notice-actions");
        card.add(actions);
    }

    private void showNotice(String title, String message) {
        Div card = noticeCard(title, message);
        Div actions = new Div(homeLink());
        actions.addClassName("notice-actions");
        card.add(actions);
    }

    private Div noticeCard(String title, String message, Component... more) {
        removeAll();
        Div card = new Div(new H2(title), new Paragraph(message));
        card.add(more);
        card.addClassNames("call-notice", "glass-card");
        getElement().setAttribute("data-phase", phase.name().toLowerCase());
        add(card);
        return card;
    }

    private static Anchor homeLink() {
        Anchor home = new Anchor("", "Back to my dashboard");
        home.addClassName("home-link");
        return home;
    }

    private Button reloadButton(String label) {
        return new Button(label, click -> click.getSource().getUI().ifPresent(current -> current.getPage().reload()));
    }

    /** Stops media and presence in this window; the room may go on (another window) or be over. */
    private void leaveCall(Phase next) {
        boolean wasInRoom = phase == Phase.IN_ROOM;
        phase = next;
        endConfirmation.close();
        shortcutsDialog.close();
        deviceDialog.close();
        mediaCall.hangUp();
        if (wasInRoom) {
            leaveRoom();
        }
        stopListening();
    }

    private void leaveRoom() {
        boolean wasCurrent = rooms.isCurrent(seat);
        rooms.leave(seat);
        if (wasCurrent && !forDoctor) {
            try {
                asViewer(() -> appointmentService.patientLeft(appointment.getId()));
            } catch (RuntimeException failure) {
                log.warn("Could not record that the patient left appointment {}", appointment.getId(), failure);
            }
        }
    }

    private void stopListening() {
        if (ticking != null) {
            ticking.remove();
            ticking = null;
        }
        if (roomSubscription != null) {
            try {
                roomSubscription.close();
            } catch (Exception failure) {
                log.debug("Closing the room subscription failed", failure);
            }
            roomSubscription = null;
        }
        if (ui != null) {
            CallActivity.stopped(ui);
        }
    }

    void refreshClocks() {
        if (phase != Phase.IN_ROOM) {
            return;
        }
        Instant now = clock.instant();
        callTimer.setVisible(callStartedAt != null);
        if (callStartedAt != null) {
            callTimer.setText(formatDuration(Duration.between(callStartedAt, now)));
        }
        String detail = waitingDetailText(now);
        if (!connected && !detail.equals(waitingDetail.getText())) {
            waitingDetail.setText(detail);
        }
    }

    private void showState() {
        String status = connected ? CONNECTED
                : callStartedAt != null && peerPresentSince != null ? RECONNECTING
                : peerPresentSince != null ? CONNECTING
                : WAITING;
        connectionStatus.setText(status);
        connectionStatus.getElement().setAttribute("data-state", status.replace("…", "").toLowerCase());
        waitingPanel.setVisible(!connected || mediaProblem.isVisible());
        waitingPanel.getElement().getClassList().set("peer-present", peerPresentSince != null);
        waitingTitle.setText(waitingTitleText());
        refreshClocks();
    }

    private String waitingTitleText() {
        if (peerPresentSince == null && peerConnectionLost) {
            return (forDoctor ? "The patient's" : "The doctor's") + " connection was lost";
        }
        if (peerPresentSince == null) {
            return callStartedAt != null ? peerName + " left the call" : "Waiting for " + peerName;
        }
        if (callStartedAt != null) {
            return "Reconnecting to " + peerName;
        }
        return forDoctor ? peerName + " is waiting" : peerName + " is here";
    }

    private String waitingDetailText(Instant now) {
        if (peerPresentSince == null && peerConnectionLost) {
            return "Waiting for " + peerName + " to come back…";
        }
        if (peerPresentSince == null) {
            return callStartedAt != null ? "Waiting for them to rejoin…" : peerName + " has not joined yet.";
        }
        if (forDoctor && callStartedAt == null) {
            return "Waiting for " + formatWaited(Duration.between(peerPresentSince, now)) + " · " + CONNECTING;
        }
        return CONNECTING;
    }

    private <T> T asViewer(Supplier<T> action) {
        boolean isViewer = currentUser.find().map(SignedInUser::accountId).filter(viewer.accountId()::equals).isPresent();
        if (isViewer || viewerSecurity == null) {
            return action.get();
        }
        // Room events and window clean-up run on other people's threads or none: act as this view's user.
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(viewerSecurity);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    static String formatDuration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long hours = seconds / 3600;
        return hours > 0
                ? "%d:%02d:%02d".formatted(hours, seconds % 3600 / 60, seconds % 60)
                : "%02d:%02d".formatted(seconds / 60, seconds % 60);
    }

    static String formatWaited(Duration waited) {
        long minutes = waited.toMinutes();
        return minutes < 1 ? "less than a minute" : minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
