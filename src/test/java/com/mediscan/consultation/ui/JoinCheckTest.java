package com.mediscan.consultation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The check before joining: each way to join reports its choice, and a media problem offers to try again. */
class JoinCheckTest {

    private final List<JoinCheck.Choice> chosen = new ArrayList<>();
    private int retries;
    private JoinCheck check;

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        check = new JoinCheck(new DevicePickers(device -> { }), () -> retries++, chosen::add);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void eachButtonJoinsItsOwnWay() {
        _click(check.joinNow);
        _click(check.joinCameraOff);
        _click(check.joinAudioOnly);

        assertThat(chosen).containsExactly(JoinCheck.Choice.AS_CHECKED, JoinCheck.Choice.CAMERA_OFF, JoinCheck.Choice.AUDIO_ONLY);
        assertThat(JoinCheck.Choice.AUDIO_ONLY.cameraOff).isTrue();
        assertThat(JoinCheck.Choice.AS_CHECKED.audioOnly).isFalse();
    }

    @Test
    void aMediaProblemIsExplainedAndCanBeRetried() {
        assertThat(check.problem.isVisible()).isFalse();
        assertThat(check.retryMedia.isVisible()).isFalse();

        check.showProblem("Your camera and microphone are not available: the browser blocks them for this site.");
        assertThat(check.problem.getText()).contains("blocks them");
        assertThat(check.retryMedia.isVisible()).isTrue();

        _click(check.retryMedia);
        assertThat(retries).isEqualTo(1);
        assertThat(check.problem.isVisible()).isFalse();
        assertThat(check.retryMedia.isVisible()).isFalse();
        assertThat(check.getElement().getAttribute("aria-label")).isEqualTo("Check before joining");
    }
}
