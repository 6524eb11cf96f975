package com.mediscan.account.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DoctorProfileRepository extends JpaRepository<DoctorProfile, Long> {

    Optional<DoctorProfile> findByAccountId(Long accountId);

    List<DoctorProfile> findBySpecialtyAndAccountActiveTrueOrderByAccountFullName(String specialty);

    boolean existsByRegistrationNumber(String registrationNumber);
}
