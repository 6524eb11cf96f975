package com.mediscan.audit.domain;

import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.repository.Repository;

/**
 * Append and read only: the trail has no update or delete path in the application. Filtered
 * reads are declared one by one rather than inherited from JpaSpecificationExecutor, which since
 * Spring Data JPA 3.5 also carries update(...) and delete(...).
 */
public interface AuditEventRepository extends Repository<AuditEvent, Long> {

    AuditEvent save(AuditEvent event);

    Page<AuditEvent> findAll(Specification<AuditEvent> filter, Pageable page);

    long count(Specification<AuditEvent> filter);

    List<AuditEvent> findByRecordTypeAndRecordIdOrderByIdAsc(String recordType, Long recordId);

    List<AuditEvent> findByActorEmailOrderByIdAsc(String actorEmail);
}
