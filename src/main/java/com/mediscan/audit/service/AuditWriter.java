package com.mediscan.audit.service;

import com.mediscan.audit.domain.AuditEvent;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.ZoneOffset;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Inserts audit events over a small connection pool of their own, each insert committed at once.
 * Audited operations run inside their own transaction and hold one of the main pool's connections
 * while they record; taking the audit connection from that same pool (a REQUIRES_NEW transaction)
 * froze the server when ten requests audited at once: each held a connection and waited up to
 * 30 s for a second one (seen under load: ten consultations opened together). Holders of this
 * pool wait for nothing else, so they always come back.
 * <p>
 * Plain JDBC on purpose: Spring's JDBC helpers bind a connection to the surrounding transaction
 * until it ends, so with them an audited operation kept its audit connection for its whole
 * transaction, and no more audited transactions than this pool's connections could run at once.
 */
@Component
class AuditWriter implements DisposableBean {

    private static final String INSERT = """
            insert into audit_event (occurred_at, actor_account_id, actor_email, action, outcome, patient_account_id,
                                     record_type, record_id, remote_address, detail)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final HikariDataSource pool;

    AuditWriter(DataSourceProperties dataSource, @Value("${mediscan.audit.pool-size:4}") int poolSize) {
        pool = dataSource.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        pool.setPoolName("audit");
        pool.setMaximumPoolSize(poolSize);
        pool.setMinimumIdle(1);
        pool.setAutoCommit(true);
    }

    void insert(AuditEvent event) {
        try (Connection connection = pool.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, event.getOccurredAt().atOffset(ZoneOffset.UTC));
            insert.setObject(2, event.getActorAccountId(), Types.BIGINT);
            insert.setString(3, event.getActorEmail());
            insert.setString(4, event.getAction().name());
            insert.setString(5, event.getOutcome().name());
            insert.setObject(6, event.getPatientAccountId(), Types.BIGINT);
            insert.setString(7, event.getRecordType());
            insert.setObject(8, event.getRecordId(), Types.BIGINT);
            insert.setString(9, event.getRemoteAddress());
            insert.setString(10, event.getDetail());
            insert.executeUpdate();
        } catch (SQLException failure) {
            throw new DataAccessResourceFailureException("Could not write an audit event", failure);
        }
    }

    @Override
    public void destroy() {
        pool.close();
    }
}
