package com.mediscan.audit.domain;

import java.util.regex.Pattern;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Refuses any SQL that would change or remove audit events, or the telehealth consent versions and
 * agreements that stand beside them as evidence, whatever JPA path it comes from: a bulk JPQL delete
 * (Hibernate's immutable-entity check covers only updates), a native query, a stray merge.
 * Installed as Hibernate's statement inspector (application.properties).
 */
public class AppendOnlyAuditGuard implements StatementInspector {

    private static final String APPEND_ONLY_TABLES = "audit_event|consent_version|consent_agreement";

    private static final Pattern CHANGES_AUDIT_TRAIL = Pattern.compile(
            "^\\s*(update|delete\\s+from|truncate(\\s+table)?|drop\\s+table(\\s+if\\s+exists)?)\\s+(?<table>" + APPEND_ONLY_TABLES + ")\\b",
            Pattern.CASE_INSENSITIVE);

    @Override
    public String inspect(String sql) {
        var changing = CHANGES_AUDIT_TRAIL.matcher(sql);
        if (changing.find()) {
            throw new IllegalStateException("The audit trail is append-only: refused " + sql.strip().split("\\s+", 3)[0]
                    + " on " + changing.group("table"));
        }
        return sql;
    }
}
