package com.mediscan.prescription.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PrescriptionRepository extends JpaRepository<Prescription, Long> {

    Optional<Prescription> findByDraftOfAppointmentId(Long appointmentId);

    Optional<Prescription> findByAppointmentIdAndStatus(Long appointmentId, PrescriptionStatus status);

    /** Versions of one appointment in the given states, newest first. */
    List<Prescription> findByAppointmentIdAndStatusInOrderByVersionNumberDesc(Long appointmentId,
                                                                              Collection<PrescriptionStatus> statuses);

    /** A patient's prescriptions in the given states, newest first. */
    List<Prescription> findByPatientAccountIdAndStatusInOrderBySignedAtDescVersionNumberDesc(Long patientAccountId,
                                                                                          Collection<PrescriptionStatus> statuses);

    /** A patient's valid prescriptions from other consultations that began before {@code before}, newest first. */
    @Query("""
            select p from Prescription p
            where p.patient.id = :patientId and p.status = :status
              and p.appointment.id <> :appointmentId and p.appointment.startsAt < :before
            order by p.appointment.startsAt desc""")
    List<Prescription> findEarlier(Long patientId, Long appointmentId, Instant before, PrescriptionStatus status);
}
