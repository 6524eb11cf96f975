package com.mediscan.audit.service;

import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEvent;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.security.CurrentUser;
import com.mediscan.security.SignedInUser;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Writes the audit trail. Each event commits on its own ({@link AuditWriter}), so a refusal is
 * recorded even when the refused operation rolls back.
 */
@Service
public class AuditService {

    /** The record an event is about, for example ("appointment", 42) with its patient's account. */
    public record Subject(String recordType, Long recordId, Long patientAccountId) {

        public static Subject none() {
            return new Subject(null, null, null);
        }
    }

    private final AuditWriter writer;
    private final CurrentUser currentUser;
    private final ClientAddress clientAddress;
    private final Clock clock;

    AuditService(AuditWriter writer, CurrentUser currentUser, ClientAddress clientAddress, Clock clock) {
        this.writer = writer;
        this.currentUser = currentUser;
        this.clientAddress = clientAddress;
        this.clock = clock;
    }

    /** Records what the signed-in user (if any) did or tried. */
    public void record(AuditAction action, AuditOutcome outcome, Subject subject, String detail) {
        SignedInUser user = currentUser.find().orElse(null);
        recordFor(user == null ? null : user.accountId(), user == null ? null : user.email(), action, outcome, subject, detail);
    }

    /** Records an event whose actor is not the current security context, such as a failed sign-in. */
    public void recordFor(Long actorAccountId, String actorEmail, AuditAction action, AuditOutcome outcome,
                          Subject subject, String detail) {
        recordFrom(clientAddress.current(), actorAccountId, actorEmail, action, outcome, subject, detail);
    }

    /**
     * Records an event noticed outside the actor's own request, such as a session the server let
     * expire, with the address the actor last came from.
     */
    public void recordFrom(String remoteAddress, Long actorAccountId, String actorEmail, AuditAction action,
                           AuditOutcome outcome, Subject subject, String detail) {
        writer.insert(new AuditEvent(clock.instant(), actorAccountId, actorEmail, action, outcome,
                subject.patientAccountId(), subject.recordType(), subject.recordId(), remoteAddress, detail));
    }
}
