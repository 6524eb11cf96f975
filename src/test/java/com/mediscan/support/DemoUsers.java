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
    /** Kriya's date of birth on file, as the check-in asks for it. */
    public static final String KRIYA_DATE_OF_BIRTH = "1991-04-12";

    private DemoUsers() {
    }
}
