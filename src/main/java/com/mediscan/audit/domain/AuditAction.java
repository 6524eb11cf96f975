package com.mediscan.audit.domain;

/** What was done or attempted. Views of patient data and every change are recorded. */
public enum AuditAction {
    SIGN_IN,
    SIGN_OUT,
    SESSION_TIMEOUT,
    VIEW_OPENED,
    CONSULTATION_OPENED,
    RECORD_VIEWED,
    CHAT_READ,
    PRESCRIPTION_READ,
    PRESCRIPTION_PRINTED,
    APPOINTMENT_CHANGED,
    CHAT_MESSAGE_SENT,
    PRESCRIPTION_SAVED,
    ACCOUNT_CHANGED,
    AUDIT_EXPORTED,
    RECORD_EXPORTED
}
