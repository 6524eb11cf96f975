package com.mediscan.account.domain;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface DoctorProfileRepository extends JpaRepository<DoctorProfile, Long> {

    Optional<DoctorProfile> findByAccountId(Long accountId);

    List<DoctorProfile> findBySpecialtyAndAccountActiveTrueOrderByAccountFullName(String specialty);

    boolean existsByRegistrationNumber(String registrationNumber);

    Optional<DoctorProfile> findByRegistrationNumber(String registrationNumber);

    @Query("select distinct d.specialty from DoctorProfile d where d.account.active = true order by d.specialty")
    List<String> findActiveSpecialties();

    List<DoctorProfile> findByAccountActiveTrueOrderByAccountFullName();

    /** Doctors whose name, email, specialty or registration number contains the lower-case text. */
    @Query("select d from DoctorProfile d where :text = '' or lower(d.account.fullName) like concat('%', :text, '%')"
            + " or lower(d.account.email) like concat('%', :text, '%') or lower(d.specialty) like concat('%', :text, '%')"
            + " or lower(d.registrationNumber) like concat('%', :text, '%')")
    List<DoctorProfile> search(@Param("text") String lowerCaseText, Pageable pageable);

    @Query("select count(d) from DoctorProfile d where :text = '' or lower(d.account.fullName) like concat('%', :text, '%')"
            + " or lower(d.account.email) like concat('%', :text, '%') or lower(d.specialty) like concat('%', :text, '%')"
            + " or lower(d.registrationNumber) like concat('%', :text, '%')")
    long countSearch(@Param("text") String lowerCaseText);
}
