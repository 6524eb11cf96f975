package com.mediscan.account.domain;

public enum Role {
    DOCTOR,
    PATIENT,
    ADMIN
}
