package com.mediscan.audit.service;

import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.security.SignedInUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Puts every sign-in attempt, successful or not, on the audit trail. */
@Component
class SignInAuditListener {

    private final AuditService audit;
    private final ClientAddress clientAddress;

    SignInAuditListener(AuditService audit, ClientAddress clientAddress) {
        this.audit = audit;
        this.clientAddress = clientAddress;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            audit.recordFor(user.accountId(), user.email(), AuditAction.SIGN_IN, AuditOutcome.ALLOWED,
                    AuditService.Subject.none(), null);
            clientAddress.rememberSignInAddress();
        }
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        audit.recordFor(null, event.getAuthentication().getName(), AuditAction.SIGN_IN, AuditOutcome.DENIED,
                AuditService.Subject.none(), event.getException().getClass().getSimpleName());
    }
}
