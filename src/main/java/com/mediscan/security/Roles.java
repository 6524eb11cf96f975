package com.mediscan.security;

/** Role names as {@code @RolesAllowed} and Spring Security see them (without the ROLE_ prefix). */
public final class Roles {

    public static final String DOCTOR = "DOCTOR";
    public static final String PATIENT = "PATIENT";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
