package com.mediscan.support;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.service.CheckInDetails;
import com.mediscan.appointment.service.CheckInService;
import com.mediscan.appointment.service.TelehealthConsentService;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A patient's check-in done as the patient would, through the services (consent in force, the
 * date of birth on file, a place), for tests about what comes after it: the room, the call, the queue.
 * The caller's own sign-in is left as it was.
 */
public final class TestCheckIns {

    /** Where fixture patients say they are. */
    public static final CheckInDetails IN_MUMBAI = new CheckInDetails("IN", "IN-MH", "Home, Bandra", null, null);

    private TestCheckIns() {
    }

    public static Appointment checkedIn(ApplicationContext context, Appointment appointment) {
        SecurityContext callers = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(SecurityContextHolder.createEmptyContext());
        try {
            SecurityTestSupport.actAs(context.getBean(UserDetailsService.class), appointment.getPatient().getAccount().getEmail());
            TelehealthConsentService consent = context.getBean(TelehealthConsentService.class);
            consent.awaitingAgreement().ifPresent(version -> consent.agree(version.getId()));
            CheckInService checkIns = context.getBean(CheckInService.class);
            checkIns.confirmIdentity(appointment.getId(), appointment.getPatient().getDateOfBirth());
            checkIns.complete(appointment.getId(), IN_MUMBAI);
            return appointment;
        } finally {
            SecurityContextHolder.setContext(callers);
        }
    }
}
