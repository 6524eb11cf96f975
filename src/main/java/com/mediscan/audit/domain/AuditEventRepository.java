package com.mediscan.audit.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

/** Append and read only: the trail has no update or delete path in the application. */
public interface AuditEventRepository extends Repository<AuditEvent, Long>, JpaSpecificationExecutor<AuditEvent> {

    AuditEvent save(AuditEvent event);

    List<AuditEvent> findByRecordTypeAndRecordIdOrderByIdAsc(String recordType, Long recordId);

    List<AuditEvent> findByActorEmailOrderByIdAsc(String actorEmail);
}
