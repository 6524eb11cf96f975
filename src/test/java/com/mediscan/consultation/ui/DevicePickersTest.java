package com.mediscan.consultation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.mediscan.consultation.ui.MediaCall.Devices;
import com.mediscan.consultation.ui.MediaCall.MediaDevice;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DevicePickersTest {

    private static final MediaDevice FRONT = new MediaDevice("videoinput", "front", "Front camera");
    private static final MediaDevice USB = new MediaDevice("videoinput", "usb", "");
    private static final MediaDevice HEADSET = new MediaDevice("audioinput", "headset", "Headset microphone");

    private final List<MediaDevice> chosen = new ArrayList<>();
    private final DevicePickers pickers = new DevicePickers(chosen::add);

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void showsTheDevicesInUseAndNamesUnlabelledOnes() {
        pickers.show(new Devices(List.of(FRONT, USB, HEADSET), "usb", "headset"));

        assertThat(pickers.camera.getValue()).isEqualTo(USB);
        assertThat(pickers.camera.getItemLabelGenerator().apply(USB)).isEqualTo("Camera 2");
        assertThat(pickers.microphone.getValue()).isEqualTo(HEADSET);
        assertThat(pickers.speaker.isVisible()).isFalse();
        assertThat(chosen).as("showing what is in use chooses nothing").isEmpty();
    }

    @Test
    void aChoiceGoesToTheCallAndAMissingKindSaysSo() {
        pickers.show(new Devices(List.of(FRONT, USB), "front", ""));

        _setValue(pickers.camera, USB);

        assertThat(chosen).containsExactly(USB);
        assertThat(pickers.microphone.isEnabled()).isFalse();
        assertThat(pickers.microphone.getHelperText()).isEqualTo("None found");
    }
}
