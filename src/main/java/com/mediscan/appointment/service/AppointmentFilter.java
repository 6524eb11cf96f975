package com.mediscan.appointment.service;

import com.mediscan.appointment.domain.AppointmentStatus;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What an appointments list is narrowed to: a day (in the viewer's zone), a status and a piece
 * of the other person's name; null means "any". Who the list belongs to is never part of it:
 * the service decides that from the person asking.
 */
public record AppointmentFilter(ZoneId zone, LocalDate day, AppointmentStatus status, String name) {

    public static AppointmentFilter any(ZoneId zone) {
        return new AppointmentFilter(zone, null, null, null);
    }

    public AppointmentFilter withDay(LocalDate day) {
        return new AppointmentFilter(zone, day, status, name);
    }

    public AppointmentFilter withStatus(AppointmentStatus status) {
        return new AppointmentFilter(zone, day, status, name);
    }

    public AppointmentFilter withName(String name) {
        return new AppointmentFilter(zone, day, status, name);
    }
}
