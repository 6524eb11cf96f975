package com.mediscan.audit.domain;

public enum AuditOutcome {
    ALLOWED,
    DENIED,
    FAILED
}
