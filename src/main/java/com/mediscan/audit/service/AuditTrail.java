package com.mediscan.audit.service;

import com.mediscan.account.domain.PatientProfile;
import com.mediscan.account.domain.PatientProfileRepository;
import com.mediscan.account.domain.Role;
import com.mediscan.account.domain.UserAccount;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEvent;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.security.CurrentUser;
import com.mediscan.security.SignedInUser;
import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the audit trail: administrators only, newest first; exports are audited themselves. */
@Service
@Transactional(readOnly = true)
public class AuditTrail {

    /** A patient as the audit view's filter offers them. */
    public record PatientChoice(Long accountId, String fullName, String email) {
    }

    static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));
    private static final int EXPORT_PAGE = 500;
    private static final AuditService.Subject TRAIL = new AuditService.Subject("audit_trail", null, null);

    private final AuditEventRepository events;
    private final PatientProfileRepository patients;
    private final CurrentUser currentUser;
    private final AuditService audit;

    public AuditTrail(AuditEventRepository events, PatientProfileRepository patients, CurrentUser currentUser, AuditService audit) {
        this.events = events;
        this.patients = patients;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    public List<AuditEvent> find(AuditFilter filter, int page, int pageSize) {
        requireAdmin(AuditAction.VIEW_OPENED);
        return events.findAll(filter.toSpecification(), PageRequest.of(page, pageSize, NEWEST_FIRST)).getContent();
    }

    public long count(AuditFilter filter) {
        requireAdmin(AuditAction.VIEW_OPENED);
        return events.count(filter.toSpecification());
    }

    public List<PatientChoice> patients() {
        requireAdmin(AuditAction.VIEW_OPENED);
        return patients.findAll().stream()
                .map(PatientProfile::getAccount)
                .map(account -> new PatientChoice(account.getId(), account.getFullName(), account.getEmail()))
                .sorted(Comparator.comparing(PatientChoice::fullName, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /** Writes the filtered events as CSV, newest first, and records who exported what. */
    public long exportCsv(AuditFilter filter, Writer out) throws IOException {
        requireAdmin(AuditAction.AUDIT_EXPORTED);
        Map<Long, String> patientNames = patients.findAll().stream().map(PatientProfile::getAccount)
                .collect(Collectors.toMap(UserAccount::getId, UserAccount::getFullName, (a, b) -> a));
        AuditCsv.writeRow(out, List.of("id", "occurred_at_utc", "actor_account_id", "actor_email", "action", "outcome",
                "patient_account_id", "patient_name", "record_type", "record_id", "remote_address", "detail"));
        long rows = 0;
        Slice<AuditEvent> slice = events.findAll(filter.toSpecification(), PageRequest.of(0, EXPORT_PAGE, NEWEST_FIRST));
        while (true) {
            for (AuditEvent event : slice) {
                AuditCsv.writeRow(out, Arrays.asList(event.getId(), event.getOccurredAt(), event.getActorAccountId(),
                        event.getActorEmail(), event.getAction(), event.getOutcome(), event.getPatientAccountId(),
                        patientNames.get(event.getPatientAccountId()), event.getRecordType(), event.getRecordId(),
                        event.getRemoteAddress(), event.getDetail()));
                rows++;
            }
            if (!slice.hasNext()) {
                break;
            }
            slice = events.findAll(filter.toSpecification(), slice.nextPageable());
        }
        out.flush();
        audit.record(AuditAction.AUDIT_EXPORTED, AuditOutcome.ALLOWED, TRAIL, rows + " rows; " + filter.describe());
        return rows;
    }

    private void requireAdmin(AuditAction attempted) {
        SignedInUser user = currentUser.find().orElse(null);
        if (user == null || !user.is(Role.ADMIN)) {
            audit.record(attempted, AuditOutcome.DENIED, TRAIL, "audit trail: not an administrator");
            throw new NotFoundOrDeniedException();
        }
    }
}
