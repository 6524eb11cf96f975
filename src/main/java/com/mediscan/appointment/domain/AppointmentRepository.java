package com.mediscan.appointment.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AppointmentRepository extends JpaRepository<Appointment, Long>, JpaSpecificationExecutor<Appointment> {

    List<Appointment> findByDoctorAccountIdAndStartsAtBetweenOrderByStartsAt(Long doctorAccountId, Instant from, Instant to);

    List<Appointment> findByPatientAccountIdOrderByStartsAtDesc(Long patientAccountId);

    List<Appointment> findByDoctorAccountIdAndPatientIdOrderByStartsAtDesc(Long doctorAccountId, Long patientProfileId);

    /** Appointments holding a slot of the doctor that start in [from, to). */
    @Query("select a from Appointment a where a.doctor.id = :doctorId and a.bookedSlot is not null"
            + " and a.startsAt >= :from and a.startsAt < :to")
    List<Appointment> findDoctorSlotsStartingBetween(@Param("doctorId") Long doctorProfileId,
                                                     @Param("from") Instant from, @Param("to") Instant to);

    /** Appointments holding a slot of the patient that start in [from, to). */
    @Query("select a from Appointment a where a.patient.id = :patientId and a.bookedSlot is not null"
            + " and a.startsAt >= :from and a.startsAt < :to")
    List<Appointment> findPatientSlotsStartingBetween(@Param("patientId") Long patientProfileId,
                                                      @Param("from") Instant from, @Param("to") Instant to);

    /** A patient's appointments that may still take place, soonest first (the caller drops those already over). */
    @Query("select a from Appointment a where a.patient.account.id = :accountId and a.status in :open"
            + " and (a.status <> com.mediscan.appointment.domain.AppointmentStatus.SCHEDULED or a.startsAt >= :earliest)"
            + " order by a.startsAt asc")
    List<Appointment> findOpenForPatient(@Param("accountId") Long patientAccountId,
                                         @Param("open") Collection<AppointmentStatus> open,
                                         @Param("earliest") Instant earliestStart, Pageable limit);

    /** A patient's appointments that have ended or begun, latest first. */
    @Query("select a from Appointment a where a.patient.account.id = :accountId"
            + " and (a.status not in :open or a.startsAt <= :now) order by a.startsAt desc")
    List<Appointment> findPastForPatient(@Param("accountId") Long patientAccountId,
                                         @Param("open") Collection<AppointmentStatus> open,
                                         @Param("now") Instant now, Pageable limit);
}
