package com.mediscan.audit.service;

import com.mediscan.audit.domain.AuditEvent;
import com.zaxxer.hikari.HikariDataSource;
import java.time.ZoneOffset;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Inserts audit events over a small connection pool of their own, each insert committed at once.
 * Audited operations run inside their own transaction and hold one of the main pool's connections
 * while they record; taking the audit connection from that same pool (a REQUIRES_NEW transaction)
 * froze the server when ten requests audited at once: each held a connection and waited up to
 * 30 s for a second one (seen under load: ten consultations opened together). Holders of this
 * pool wait for nothing else, so they always come back.
 */
@Component
class AuditWriter implements DisposableBean {

    private static final String INSERT = """
            insert into audit_event (occurred_at, actor_account_id, actor_email, action, outcome, patient_account_id,
                                     record_type, record_id, remote_address, detail)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final HikariDataSource pool;
    private final JdbcClient jdbc;

    AuditWriter(DataSourceProperties dataSource, @Value("${mediscan.audit.pool-size:4}") int poolSize) {
        pool = dataSource.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("audit");
        pool.setMaximumPoolSize(poolSize);
        pool.setMinimumIdle(1);
        pool.setAutoCommit(true);
        jdbc = JdbcClient.create(pool);
    }

    void insert(AuditEvent event) {
        jdbc.sql(INSERT).params(event.getOccurredAt().atOffset(ZoneOffset.UTC), event.getActorAccountId(), event.getActorEmail(),
                event.getAction().name(), event.getOutcome().name(), event.getPatientAccountId(), event.getRecordType(),
                event.getRecordId(), event.getRemoteAddress(), event.getDetail()).update();
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
