package com.mediscan.account.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PatientProfileRepository extends JpaRepository<PatientProfile, Long> {

    Optional<PatientProfile> findByAccountId(Long accountId);

    List<PatientProfile> findByAccountActiveTrueOrderByAccountFullName();

    /** Patients whose name, email or phone contains the lower-case text. */
    @Query("select p from PatientProfile p where :text = '' or lower(p.account.fullName) like concat('%', :text, '%')"
            + " or lower(p.account.email) like concat('%', :text, '%') or lower(coalesce(p.phone, '')) like concat('%', :text, '%')")
    List<PatientProfile> search(@Param("text") String lowerCaseText, Pageable pageable);

    @Query("select count(p) from PatientProfile p where :text = '' or lower(p.account.fullName) like concat('%', :text, '%')"
            + " or lower(p.account.email) like concat('%', :text, '%') or lower(coalesce(p.phone, '')) like concat('%', :text, '%')")
    long countSearch(@Param("text") String lowerCaseText);
}
