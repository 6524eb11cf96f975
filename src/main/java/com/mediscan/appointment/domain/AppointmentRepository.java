package com.mediscan.appointment.domain;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AppointmentRepository extends JpaRepository<Appointment, Long> {

    List<Appointment> findByDoctorAccountIdAndStartsAtBetweenOrderByStartsAt(Long doctorAccountId, Instant from, Instant to);

    List<Appointment> findByPatientAccountIdOrderByStartsAtDesc(Long patientAccountId);
}
