package com.mediscan.support;

/** The demo clinic's sign-ins, as README.md lists them. */
public final class DemoUsers {

    public static final String RAJESH = "rajesh.patel@mediscan.com";
    public static final String SNEHA = "sneha.shah@mediscan.com";
    public static final String KRIYA = "patient@mediscan.com";
    public static final String ARJUN = "arjun.nair@mediscan.com";
    public static final String ADMIN = "admin@mediscan.com";
    public static final String DOCTOR_PASSWORD = "doctor123";
    public static final String PATIENT_PASSWORD = "patient123";
    public static final String ADMIN_PASSWORD = "admin123";

    private DemoUsers() {
    }
}
