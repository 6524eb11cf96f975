package com.mediscan.consultation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.mediscan.consultation.service.IceServers.IceConfiguration;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.communication.PushMode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The call stage: what the check and the room show, and the media buttons of the control bar. */
class CallStageTest {

    private final List<JoinCheck.Choice> chosen = new java.util.ArrayList<>();
    private CallStage stage;

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        // Without push, the element calls wait in the UI where the test can read them.
        UI.getCurrent().getPushConfiguration().setPushMode(PushMode.DISABLED);
        stage = new CallStage(new MediaCall(true, "Dr. Rajesh Patel", new IceConfiguration(List.of(), false)),
                new CallControls(false), new WaitingRoom(false, "Dr. Rajesh Patel"), chosen::add);
        UI.getCurrent().add(stage, stage.controls);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private List<String> elementCalls() {
        UI.getCurrent().getInternals().getStateTree().runExecutionsBeforeClientResponse();
        return UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations().stream()
                .map(invocation -> invocation.getInvocation().getExpression() + invocation.getInvocation().getParameters())
                .toList();
    }

    @Test
    void theCheckShowsThePreviewAndTheRoomTheControls() {
        stage.show(CallPhase.CHECKING);
        assertThat(stage.joinCheck.isVisible()).isTrue();
        assertThat(stage.devicePickers.getParent()).contains(stage.joinCheck);
        assertThat(elementCalls()).anyMatch(call -> call.contains("setPreview") && call.contains("true"));

        _click(stage.joinCheck.joinNow);
        assertThat(chosen).containsExactly(JoinCheck.Choice.AS_CHECKED);

        stage.show(CallPhase.WAITING);
        assertThat(stage.joinCheck.isVisible()).isFalse();
        assertThat(elementCalls()).anyMatch(call -> call.contains("setPreview") && call.contains("false"));
        // The pickers stay where they are on the way in; the device dialog takes them when it opens.
        assertThat(stage.devicePickers.getParent()).contains(stage.joinCheck);
        stage.openDevices();
        assertThat(stage.devicePickers.getParent()).contains(stage.deviceDialog);
    }

    @Test
    void aRunningCallNeverShowsTheCheckOrThePreview() {
        stage.show(CallPhase.WAITING);
        stage.show(CallPhase.CONNECTED);

        assertThat(stage.joinCheck.isVisible()).isFalse();
        assertThat(elementCalls()).noneMatch(call -> call.contains("setPreview"));
    }

    @Test
    void theMediaButtonsDriveTheElementAndFollowWhatItReports() {
        stage.show(CallPhase.CONNECTED);
        _click(stage.controls.microphone);
        assertThat(stage.mediaCall.mediaState().microphoneOn()).isFalse();
        assertThat(stage.controls.microphone.getAriaLabel()).contains(CallControls.UNMUTE);
        _click(stage.controls.camera);
        assertThat(stage.controls.camera.getAriaLabel()).contains(CallControls.CAMERA_ON);
        _click(stage.controls.audioOnly);
        assertThat(stage.controls.audioOnly.getElement().getAttribute("aria-pressed")).isEqualTo("true");
        assertThat(elementCalls()).anyMatch(call -> call.contains("setAudioOnly") && call.contains("true"));
        _click(stage.controls.devices);
        assertThat(stage.deviceDialog.isOpened()).isTrue();

        stage.mediaCall.mediaStateChanged(true, true, true);
        assertThat(stage.controls.screenShare.getAriaLabel()).contains(CallControls.STOP_SHARING);
        assertThat(stage.controls.microphone.getAriaLabel()).contains(CallControls.MUTE);
        stage.mediaCall.mediaStateChanged(false, false, false);
        assertThat(stage.controls.screenShare.getAriaLabel()).contains(CallControls.SHARE);
        assertThat(stage.controls.camera.getAriaLabel()).contains(CallControls.CAMERA_ON);
    }

    @Test
    void joiningWithAudioOnlyTurnsTheCameraOffAndVideoBothWays() {
        stage.joinAs(JoinCheck.Choice.AUDIO_ONLY);

        assertThat(stage.mediaCall.mediaState().cameraOn()).isFalse();
        assertThat(stage.controls.audioOnly.getElement().getAttribute("aria-pressed")).isEqualTo("true");
    }

    @Test
    void aMediaProblemGoesToTheCheckOrToTheWaitingRoom() {
        stage.showMediaProblem(CallPhase.CHECKING, "blocked");
        assertThat(stage.joinCheck.problem.isVisible()).isTrue();
        assertThat(stage.waitingRoom.mediaProblem.isVisible()).isFalse();

        stage.showMediaProblem(CallPhase.CONNECTED, "no camera");
        assertThat(stage.waitingRoom.mediaProblem.getText()).isEqualTo("no camera");
        assertThat(stage.waitingRoom.isVisible()).isTrue();
    }
}
