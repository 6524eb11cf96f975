package com.mediscan.security;

/** Names of session attributes that features share with the session and audit machinery. */
public final class SessionAttributes {

    /**
     * VaadinSession attribute: {@code Boolean.TRUE} while the session's person is in a connected
     * call. Idle sign-out never happens while it is set.
     */
    public static final String CALL_ACTIVE = "mediscan.call.active";

    /**
     * HttpSession attribute: why MediScan is ending the session when the person did not ask for it
     * (idle time-out). Read by the audit trail to record a time-out rather than a sign-out.
     */
    public static final String END_REASON = "mediscan.session.end-reason";

    private SessionAttributes() {
    }
}
