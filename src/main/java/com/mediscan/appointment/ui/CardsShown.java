package com.mediscan.appointment.ui;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.service.JoinWindow;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a list of appointment cards depends on: which appointments, each one's version (any change
 * to it), and whether its call can be joined now. A dashboard's poll rebuilds its cards only when
 * this differs from what they show, so a poll that finds nothing new answers with almost nothing
 * instead of every card again.
 */
record CardsShown(List<Card> cards) {

    record Card(long id, long version, Optional<String> whyClosed) {
    }

    static CardsShown of(List<Appointment> appointments, JoinWindow joinWindow, Instant now) {
        return new CardsShown(appointments.stream()
                .map(appointment -> new Card(appointment.getId(), appointment.getVersion(), joinWindow.whyClosed(appointment, now)))
                .toList());
    }
}
