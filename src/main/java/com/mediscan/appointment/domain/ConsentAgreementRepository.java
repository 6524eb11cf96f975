package com.mediscan.appointment.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/** Agreements are only ever added: no update or delete method. */
public interface ConsentAgreementRepository extends Repository<ConsentAgreement, Long> {

    ConsentAgreement saveAndFlush(ConsentAgreement agreement);

    Optional<ConsentAgreement> findByPatientAccountIdAndConsentVersionId(Long patientAccountId, Long consentVersionId);

    List<ConsentAgreement> findByPatientAccountIdOrderByAgreedAtDesc(Long patientAccountId);

    /** Each given patient's latest agreement. */
    @Query("select a from ConsentAgreement a where a.patientAccountId in :patientAccountIds and a.agreedAt ="
            + " (select max(b.agreedAt) from ConsentAgreement b where b.patientAccountId = a.patientAccountId)")
    List<ConsentAgreement> findLatestOf(Collection<Long> patientAccountIds);
}
