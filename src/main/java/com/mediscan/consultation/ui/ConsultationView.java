package com.mediscan.consultation.ui;

import com.mediscan.account.domain.Role;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.appointment.ui.CheckInComponents;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.attachment.ui.PhotoTaking;
import com.mediscan.attachment.ui.PhotoTakingFactory;
import com.mediscan.base.ui.Notices;
import com.mediscan.chat.ui.ChatPanelFactory;
import com.mediscan.consultation.service.CallEnded;
import com.mediscan.consultation.service.CallSignal;
import com.mediscan.consultation.service.CallStarted;
import com.mediscan.consultation.service.IceServers;
import com.mediscan.consultation.service.PresenceChanged;
import com.mediscan.consultation.service.RoomBus;
import com.mediscan.consultation.service.RoomEvent;
import com.mediscan.consultation.service.RoomRegistry;
import com.mediscan.consultation.service.RoomResync;
import com.mediscan.consultation.service.SeatLost;
import com.mediscan.consultation.service.RoomRegistry.Occupant;
import com.mediscan.consultation.service.RoomRegistry.Seat;
import com.mediscan.prescription.ui.PrescriptionIssuedNotice;
import com.mediscan.prescription.ui.PrescriptionPanelFactory;
import com.mediscan.security.CurrentUser;
import com.mediscan.security.SignedInUser;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
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
 * The video consultation of one appointment. It puts the parts together (the {@link CallHeader},
 * the {@link CallStage} with the {@link JoinCheck} and the {@link WaitingRoom}, the
 * {@link SidePanels}, the {@link CallNotices}), keeps this window's seat in the room, and moves
 * the page through its {@link CallState}: every fact (joined, presence, connection, start, end,
 * takeover) goes into the state, and {@link #show} shows each part for the resulting
 * {@link CallPhase}.
 * <p>
 * Anyone may ask for the address ({@code @PermitAll}); {@link AppointmentService#openConsultation}
 * decides, audits, and a refusal shows the same page as a missing appointment. Room events
 * arrive on other threads and are applied in {@code ui.access}; services are always called as
 * this view's user ({@link #asViewer}).
 */
@Route(value = "video-consultation/:appointmentId", autoLayout = false)
@PageTitle("Video consultation · MediScan")
@PermitAll
@StyleSheet("assets/consultation/consultation.css")
public class ConsultationView extends Div implements BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(ConsultationView.class);

    private final AppointmentService appointmentService;
    private final RoomRegistry rooms;
    private final RoomBus bus;
    private final IceServers iceServers;
    private final CurrentUser currentUser;
    private final CallScheduler scheduler;
    private final Clock clock;
    private final ChatPanelFactory chatPanels;
    private final PrescriptionPanelFactory prescriptionPanels;
    private final CheckInComponents checkIn;
    private final PhotoTakingFactory photoTaking;

    private Appointment appointment;
    private SignedInUser viewer;
    private boolean forDoctor;
    private String peerName;
    /** Null until the consultation is open for this person; then the page's state machine. */
    CallState state;
    /** The first presence update after entering only learns who is there; later arrivals are announced. */
    private boolean presenceKnown;

    private SecurityContext viewerSecurity;
    private Seat seat;
    private AutoCloseable roomSubscription;
    private Registration waitedTimeUpdate;
    /** When the waiting room's count of minutes is updated next; null while nothing is due. */
    Instant waitedTimeDue;
    private UI ui;

    CallHeader header;
    CallStage stage;
    SidePanels sidePanels;
    /** The patient's check-in ({@link CallPhase#CHECKING_IN}), while it has steps left; null otherwise. */
    Component checkInSteps;
    /** Made when first needed, like the shortcuts list: most calls never open them. */
    ConfirmDialog endConfirmation;
    ShortcutsDialog shortcutsDialog;

    public ConsultationView(AppointmentService appointmentService, RoomRegistry rooms, RoomBus bus, IceServers iceServers,
                            CurrentUser currentUser, CallScheduler scheduler, Clock clock, ChatPanelFactory chatPanels,
                            PrescriptionPanelFactory prescriptionPanels, CheckInComponents checkIn,
                            PhotoTakingFactory photoTaking) {
        this.appointmentService = appointmentService;
        this.rooms = rooms;
        this.bus = bus;
        this.iceServers = iceServers;
        this.currentUser = currentUser;
        this.scheduler = scheduler;
        this.clock = clock;
        this.chatPanels = chatPanels;
        this.prescriptionPanels = prescriptionPanels;
        this.checkIn = checkIn;
        this.photoTaking = photoTaking;
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
            add(CallNotices.notOpen("Consultation not open", closed.getMessage()));
        }
    }

    private void buildCall(Appointment opened, SignedInUser user) {
        appointment = opened;
        viewer = user;
        forDoctor = user.is(Role.DOCTOR);
        peerName = forDoctor ? opened.getPatient().getAccount().getFullName() : opened.getDoctor().getDisplayName();
        // A running call goes straight back in (reload, new browser, server restart); otherwise the check comes first.
        state = CallState.entering(opened.getStatus() == AppointmentStatus.IN_PROGRESS, opened.getCallStartedAt());

        MediaCall mediaCall = new MediaCall(!forDoctor, peerName, iceServers.forAccount(user.accountId()));
        mediaCall.onSignal(payload -> rooms.relay(seat, payload));
        mediaCall.onConnectionState(this::connectionChanged);
        mediaCall.onMediaFailure(message -> stage.showMediaProblem(state.phase(), message));
        mediaCall.onShortcut(this::shortcut);

        CallControls controls = new CallControls(forDoctor);
        controls.endCall.addClickListener(click -> endCall());
        stage = new CallStage(mediaCall, controls, new WaitingRoom(forDoctor, peerName), this::join);
        if (forDoctor) {
            stage.waitingRoom.add(checkIn.summaryFor(opened.getId()));
        } else if (!state.phase().inRoom()) {
            showCheckIn();
        }
        sidePanels = new SidePanels(forDoctor, controls);
        PhotoTaking photos = photoTaking.create(opened.getId(), forDoctor);
        controls.addMediaButton(photos.button());
        stage.addOverlay(photos);
        sidePanels.setChat(chatPanels.create(opened.getId()));
        Div body = new Div(stage, sidePanels.chat);
        if (forDoctor) {
            sidePanels.setPrescription(() -> prescriptionPanels.create(opened.getId()));
            body.add(sidePanels.prescription);
        } else {
            stage.addOverlay(new PrescriptionIssuedNotice(bus, opened.getId()));
        }
        body.addClassName("call-body");

        header = new CallHeader("Consultation with " + peerName,
                forDoctor ? Objects.requireNonNullElse(opened.getReason(), "") : opened.getDoctor().getSpecialty(),
                this::openShortcuts);
        add(header, body, controls);
        show();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (state == null || state.phase().isOver() || seat != null) {
            return;
        }
        ui = attachEvent.getUI();
        viewerSecurity = SecurityContextHolder.createEmptyContext();
        viewerSecurity.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
        stage.startMedia();
        if (state.phase().inRoom()) {
            enterRoomOrCheckInAgain();
        }
        show();
    }

    /** The patient's check-in steps over the stage, if any are left; the check before joining waits for them. */
    private void showCheckIn() {
        checkIn.stepsFor(appointment, this::checkedIn).ifPresent(steps -> {
            checkInSteps = steps;
            state.checkInFirst();
            stage.addOverlay(steps);
        });
    }

    private void checkedIn() {
        stage.remove(checkInSteps);
        checkInSteps = null;
        state.checkedIn();
        show();
    }

    /** Leaves the check before joining and enters the room, as the person chose. */
    void join(JoinCheck.Choice choice) {
        if (!state.join()) {
            return;
        }
        stage.joinAs(choice);
        enterRoomOrCheckInAgain();
        show();
    }

    /**
     * The room refuses a patient who has not checked in, such as one whose consent version changed
     * since (another window, an administrator's edit): back to the check-in, saying why.
     */
    private void enterRoomOrCheckInAgain() {
        try {
            enterRoom();
        } catch (BusinessRuleException refused) {
            stopListening();
            state.refusedEntry();
            showCheckIn();
            if (checkInSteps == null) {
                state.checkedIn();
            }
            Notices.problem(refused.getMessage());
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
        CallActivity.started(ui);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (state != null && state.phase().inRoom() && seat != null) {
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
        if (!state.phase().inRoom()) {
            return;
        }
        switch (event) {
            case CallSignal signal -> signalArrived(signal);
            case PresenceChanged ignored -> refreshPresence();
            case RoomResync ignored -> refreshPresence();
            case SeatLost lost when lost.senderAccountId() != viewer.accountId() -> {
                state.peerConnectionLost();
                refreshPresence();
            }
            case CallStarted started when started.senderAccountId() != viewer.accountId() -> {
                state.callStarted(started.startedAt());
                show();
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
        if (!signal.senderSeatId().equals(stage.mediaCall.peerSeatId().orElse(null))) {
            // From a window this one has not heard of yet: learn of it first, then take its signal.
            refreshPresence();
        }
        if (signal.senderSeatId().equals(stage.mediaCall.peerSeatId().orElse(null))) {
            stage.mediaCall.deliver(signal.payload());
        }
    }

    /** Follows who is in the room: connects to the other participant's current window, or waits. */
    void refreshPresence() {
        if (!state.phase().inRoom()) {
            return;
        }
        if (!rooms.isCurrent(seat)) {
            takenOver();
            return;
        }
        Optional<Occupant> peer = rooms.peerOf(seat);
        String peerSeatId = peer.map(occupant -> occupant.seat().id()).orElse(null);
        boolean wasAlone = stage.mediaCall.peerSeatId().isEmpty();
        if (state.peerIs(peerSeatId, peer.map(Occupant::presentSince).orElse(null))) {
            if (peerSeatId == null) {
                stage.mediaCall.disconnectPeer();
            } else {
                stage.mediaCall.connectTo(peerSeatId);
                if (wasAlone && forDoctor && presenceKnown) {
                    stage.mediaCall.announceArrival(
                            state.callStartedAt() == null ? peerName + " is waiting" : peerName + " is back",
                            peerName + " joined the video consultation.");
                }
            }
        }
        presenceKnown = true;
        show();
    }

    private void connectionChanged(MediaCall.ConnectionState connection) {
        if (!state.phase().inRoom()) {
            return;
        }
        state.connection(connection == MediaCall.ConnectionState.CONNECTED);
        if (state.phase() == CallPhase.CONNECTED && forDoctor && state.callStartedAt() == null) {
            recordCallStart();
        }
        show();
    }

    private void recordCallStart() {
        Appointment started;
        try {
            started = asViewer(() -> appointmentService.callConnected(appointment.getId()));
        } catch (OptimisticLockingFailureException concurrentChange) {
            started = asViewer(() -> appointmentService.callConnected(appointment.getId()));
        } catch (BusinessRuleException refused) {
            stage.showMediaProblem(state.phase(), refused.getMessage());
            return;
        }
        state.callStarted(started.getCallStartedAt());
        rooms.announceCallStarted(seat, started.getCallStartedAt());
    }

    /** Shows every part of the page for the state's phase: the one place the phase is applied. */
    void show() {
        CallPhase phase = state.phase();
        getElement().setAttribute("data-phase", phase.attribute());
        if (phase.isOver()) {
            return;
        }
        stage.show(phase);
        if (checkInSteps != null) {
            checkInSteps.setVisible(phase == CallPhase.CHECKING_IN);
        }
        header.show(phase);
        Instant now = clock.instant();
        stage.waitingRoom.show(phase, state, now);
        header.countFrom(state.callStartedAt(), now);
        scheduleWaitedTime(phase, now);
    }

    /** The waiting room's count of minutes goes up by one update scheduled for its moment; nothing ticks. */
    private void scheduleWaitedTime(CallPhase phase, Instant now) {
        Instant due = ui == null ? null : stage.waitingRoom.nextChange(phase, state, now).orElse(null);
        if (Objects.equals(due, waitedTimeDue)) {
            return;
        }
        cancelWaitedTime();
        if (due != null) {
            UI attachedTo = ui;
            waitedTimeDue = due;
            waitedTimeUpdate = scheduler.at(due, () -> inUi(attachedTo, this::showWaitedTime));
        }
    }

    void showWaitedTime() {
        cancelWaitedTime();
        CallPhase phase = state.phase();
        if (!phase.inRoom()) {
            return;
        }
        Instant now = clock.instant();
        stage.waitingRoom.tick(phase, state, now);
        scheduleWaitedTime(phase, now);
    }

    private void cancelWaitedTime() {
        if (waitedTimeUpdate != null) {
            waitedTimeUpdate.remove();
            waitedTimeUpdate = null;
        }
        waitedTimeDue = null;
    }

    private void shortcut(MediaCall.Shortcut shortcut) {
        if (!state.phase().inRoom() || isOpen(endConfirmation) || isOpen(shortcutsDialog)) {
            return;
        }
        switch (shortcut) {
            case MUTE -> stage.toggleMicrophone();
            case VIDEO -> stage.toggleCamera();
            case CHAT -> sidePanels.toggleChat();
            case END -> confirmEnd();
            case HELP -> openShortcuts();
        }
    }

    private void openShortcuts() {
        if (shortcutsDialog == null) {
            shortcutsDialog = new ShortcutsDialog();
        }
        if (!shortcutsDialog.isOpened()) {
            shortcutsDialog.open();
        }
    }

    private void confirmEnd() {
        if (endConfirmation == null) {
            endConfirmation = CallNotices.endConfirmation(forDoctor, this::endCall);
        }
        endConfirmation.open();
    }

    private static boolean isOpen(Dialog dialog) {
        return dialog != null && dialog.isOpened();
    }

    private static boolean isOpen(ConfirmDialog dialog) {
        return dialog != null && dialog.isOpened();
    }

    /** Ends the call for both; the doctor's ending completes the appointment. */
    void endCall() {
        if (!state.phase().inRoom()) {
            return;
        }
        Appointment ended = asViewer(() -> appointmentService.endCall(appointment.getId()));
        Instant endedAt = ended.getCallEndedAt() != null ? ended.getCallEndedAt() : clock.instant();
        boolean completed = ended.getStatus() == AppointmentStatus.COMPLETED;
        rooms.announceCallEnded(seat, ended.getCallStartedAt(), endedAt, completed);
        showEnded(ended.getCallStartedAt(), endedAt, "You ended the call.", completed);
    }

    private void showEnded(Instant startedAt, Instant endedAt, String who, boolean completed) {
        boolean wasInRoom = state.phase().inRoom();
        state.ended();
        leaveCall(wasInRoom);
        replaceWith(CallNotices.ended(who, startedAt, endedAt, completed, forDoctor, () ->
                asViewer(() -> appointmentService.endCall(appointment.getId())).getStatus() == AppointmentStatus.COMPLETED));
    }

    private void takenOver() {
        boolean wasInRoom = state.phase().inRoom();
        state.takenOver();
        leaveCall(wasInRoom);
        replaceWith(CallNotices.takenOver());
    }

    private void replaceWith(Div card) {
        removeAll();
        add(card);
        show();
    }

    /** Stops media and presence in this window; the room may go on (another window) or be over. */
    private void leaveCall(boolean wasInRoom) {
        if (endConfirmation != null) {
            endConfirmation.close();
        }
        if (shortcutsDialog != null) {
            shortcutsDialog.close();
        }
        stage.hangUp();
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
        cancelWaitedTime();
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

    private static Optional<Long> parseId(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }
}
