package com.mediscan.appointment.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Versions are only ever added: no update or delete method. */
public interface ConsentVersionRepository extends Repository<ConsentVersion, Long> {

    ConsentVersion saveAndFlush(ConsentVersion version);

    Optional<ConsentVersion> findById(Long id);

    Optional<ConsentVersion> findFirstByOrderByVersionNumberDesc();

    List<ConsentVersion> findAllByOrderByVersionNumberDesc();
}
