package com.mediscan.consultation.service;

/**
 * Something that happened in one appointment's room and that its open views should learn of:
 * a call signal, a chat message, a typing notice, a prescription issued. Each feature defines
 * its own records; listeners pick the ones they understand with {@code instanceof}.
 * Events carry the sender's account id so a view can ignore its own.
 */
public interface RoomEvent {

    long appointmentId();

    long senderAccountId();
}
