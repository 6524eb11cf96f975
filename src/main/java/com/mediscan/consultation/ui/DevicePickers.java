package com.mediscan.consultation.ui;

import com.mediscan.consultation.ui.MediaCall.Devices;
import com.mediscan.consultation.ui.MediaCall.MediaDevice;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.function.SerializableConsumer;
import java.util.List;
import java.util.Objects;

/**
 * Camera, microphone and speaker pickers, filled from what the call element reports. Shown in the
 * check before joining and in the call's device dialog; a choice made by the person goes to the
 * element, which switches the live track.
 */
class DevicePickers extends Div {

    final Select<MediaDevice> camera = picker("Camera");
    final Select<MediaDevice> microphone = picker("Microphone");
    final Select<MediaDevice> speaker = picker("Speaker");

    DevicePickers(SerializableConsumer<MediaDevice> chosen) {
        addClassName("device-pickers");
        for (Select<MediaDevice> picker : List.of(camera, microphone, speaker)) {
            picker.addValueChangeListener(change -> {
                if (change.isFromClient() && change.getValue() != null) {
                    chosen.accept(change.getValue());
                }
            });
        }
        speaker.setVisible(false);
        add(camera, microphone, speaker);
    }

    void show(Devices devices) {
        fill(camera, devices, "videoinput", devices.cameraId());
        fill(microphone, devices, "audioinput", devices.microphoneId());
        // Browsers that cannot choose an output (setSinkId) list none; then there is nothing to pick.
        fill(speaker, devices, "audiooutput", "default");
        speaker.setVisible(!speakerItems(devices).isEmpty());
    }

    private static List<MediaDevice> speakerItems(Devices devices) {
        return devices.all().stream().filter(device -> device.kind().equals("audiooutput")).toList();
    }

    private static void fill(Select<MediaDevice> picker, Devices devices, String kind, String inUse) {
        List<MediaDevice> items = devices.all().stream().filter(device -> device.kind().equals(kind)).toList();
        picker.setItems(items);
        picker.setItemLabelGenerator(device -> device.label().isBlank()
                ? picker.getLabel() + " " + (items.indexOf(device) + 1) : device.label());
        items.stream().filter(device -> Objects.equals(device.deviceId(), inUse)).findFirst()
                .or(() -> items.stream().findFirst())
                .ifPresent(picker::setValue);
        picker.setEnabled(!items.isEmpty());
        picker.setHelperText(items.isEmpty() ? "None found" : null);
    }

    private static Select<MediaDevice> picker(String label) {
        Select<MediaDevice> picker = new Select<>();
        picker.setLabel(label);
        picker.setEmptySelectionAllowed(false);
        return picker;
    }
}
