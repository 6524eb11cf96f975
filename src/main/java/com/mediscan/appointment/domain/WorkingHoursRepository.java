package com.mediscan.appointment.domain;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface WorkingHoursRepository extends JpaRepository<WorkingHours, Long> {

    List<WorkingHours> findByDoctorId(Long doctorProfileId);

    boolean existsByDoctorId(Long doctorProfileId);
}
