package com.mediscan.appointment.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface CheckInRepository extends JpaRepository<CheckIn, Long> {

    Optional<CheckIn> findByAppointmentId(Long appointmentId);

    List<CheckIn> findByAppointmentIdIn(Collection<Long> appointmentIds);

    /** Check-ins locked by wrong answers, latest first, with their appointments for the clinic to call back. */
    @EntityGraph(attributePaths = "appointment")
    @Query("select c from CheckIn c where c.lockedAt is not null order by c.lockedAt desc")
    List<CheckIn> findLocked();
}
