package com.mediscan.appointment.ui;

import com.mediscan.appointment.service.WaitingPatient;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The call's arrival chime (and, where the doctor allowed it, a system notification) in the doctor's
 * browser when patients join the queue; {@code frontend/dashboard-chime.ts}, loaded with the queue.
 */
final class Chime {

    private Chime() {
    }

    static void play(UI ui, List<WaitingPatient> arrived) {
        String names = arrived.stream().map(WaitingPatient::patientName).collect(Collectors.joining(", "));
        ui.getPage().executeJs("window.mediscanQueueChime?.($0, $1)", names + (arrived.size() == 1 ? " is waiting" : " are waiting"),
                "Checked in for the video consultation.");
    }
}
