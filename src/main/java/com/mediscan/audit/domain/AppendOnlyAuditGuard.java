package com.mediscan.audit.domain;

import java.util.regex.Pattern;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Refuses any SQL that would change or remove audit events, whatever JPA path it comes from:
 * a bulk JPQL delete (Hibernate's immutable-entity check covers only updates), a native query, a
 * stray merge. Installed as Hibernate's statement inspector (application.properties).
 */
public class AppendOnlyAuditGuard implements StatementInspector {

    private static final Pattern CHANGES_AUDIT_TRAIL = Pattern.compile(
            "^\\s*(update\\s+audit_event|delete\\s+from\\s+audit_event|truncate\\s+(table\\s+)?audit_event|drop\\s+table\\s+(if\\s+exists\\s+)?audit_event)\\b",
            Pattern.CASE_INSENSITIVE);

    @Override
    public String inspect(String sql) {
        if (CHANGES_AUDIT_TRAIL.matcher(sql).find()) {
            throw new IllegalStateException("The audit trail is append-only: refused " + sql.strip().split("\\s+", 3)[0]
                    + " on audit_event");
        }
        return sql;
    }
}
