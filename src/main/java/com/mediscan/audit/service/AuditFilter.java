package com.mediscan.audit.service;

import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEvent;
import com.mediscan.audit.domain.AuditOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.jpa.domain.Specification;

/**
 * Which audit events an administrator looks at; every part is optional. The user matches any
 * part of the actor's email address; the period includes {@code from} and excludes {@code until}.
 */
public record AuditFilter(String user, Long patientAccountId, AuditAction action, AuditOutcome outcome,
                          Instant from, Instant until) {

    public static AuditFilter everything() {
        return new AuditFilter(null, null, null, null, null, null);
    }

    Specification<AuditEvent> toSpecification() {
        return (root, query, cb) -> {
            List<jakarta.persistence.criteria.Predicate> conditions = new ArrayList<>();
            if (user != null && !user.isBlank()) {
                String pattern = "%" + user.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                conditions.add(cb.like(cb.lower(root.get("actorEmail")), pattern, '\\'));
            }
            if (patientAccountId != null) {
                conditions.add(cb.equal(root.get("patientAccountId"), patientAccountId));
            }
            if (action != null) {
                conditions.add(cb.equal(root.get("action"), action));
            }
            if (outcome != null) {
                conditions.add(cb.equal(root.get("outcome"), outcome));
            }
            if (from != null) {
                conditions.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), from));
            }
            if (until != null) {
                conditions.add(cb.lessThan(root.get("occurredAt"), until));
            }
            return cb.and(conditions.toArray(jakarta.persistence.criteria.Predicate[]::new));
        };
    }

    /** For the audit record of an export: which rows left the system. */
    String describe() {
        List<String> parts = new ArrayList<>();
        if (user != null && !user.isBlank()) {
            parts.add("user~" + user.strip());
        }
        if (patientAccountId != null) {
            parts.add("patient=" + patientAccountId);
        }
        if (action != null) {
            parts.add("action=" + action);
        }
        if (outcome != null) {
            parts.add("outcome=" + outcome);
        }
        if (from != null) {
            parts.add("from=" + from);
        }
        if (until != null) {
            parts.add("until=" + until);
        }
        return parts.isEmpty() ? "all events" : String.join(", ", parts);
    }
}
