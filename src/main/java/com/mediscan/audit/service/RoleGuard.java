package com.mediscan.audit.service;

import com.mediscan.account.domain.Role;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.security.CurrentUser;
import com.mediscan.security.SignedInUser;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The role check of service methods, with its refusal on the audit trail. A bean of its own, not a
 * method of {@link AuditService}: the refusal must be recorded through AuditService's proxy, in a
 * transaction of its own, or the caller's rollback would take the record with it.
 */
@Component
public class RoleGuard {

    private final CurrentUser currentUser;
    private final AuditService audit;

    RoleGuard(CurrentUser currentUser, AuditService audit) {
        this.currentUser = currentUser;
        this.audit = audit;
    }

    /**
     * The signed-in user, if they have one of the roles. Anyone else (nobody signed in included) is
     * refused with {@link AccessDeniedException}, and the attempt is recorded against the subject.
     */
    public SignedInUser require(AuditAction attempted, AuditService.Subject subject, String what, Role... roles) {
        SignedInUser user = currentUser.find().orElse(null);
        if (user == null || Arrays.stream(roles).noneMatch(user::is)) {
            audit.record(attempted, AuditOutcome.DENIED, subject,
                    (user == null ? "not signed in" : "not allowed as " + user.role().name().toLowerCase(Locale.ROOT)) + ": " + what);
            throw new AccessDeniedException("This action is not available to your account.");
        }
        return user;
    }
}
