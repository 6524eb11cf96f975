package com.mediscan.attachment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    @EntityGraph(attributePaths = "sender")
    @Query("select a from Attachment a where a.appointment.id = :appointmentId order by a.sentAt, a.id")
    List<Attachment> findConversation(long appointmentId);

    @EntityGraph(attributePaths = "sender")
    @Query("select a from Attachment a where a.appointment.id = :appointmentId and a.addedToRecordAt is not null"
            + " order by a.sentAt, a.id")
    List<Attachment> findInRecord(long appointmentId);

    @EntityGraph(attributePaths = "sender")
    Optional<Attachment> findByClientKey(UUID clientKey);

    @Query("select count(a) from Attachment a"
            + " where a.appointment.id = :appointmentId and a.sender.id = :senderAccountId and a.sentAt > :since")
    long countSentSince(long appointmentId, long senderAccountId, Instant since);

    @Query("select coalesce(sum(a.sizeBytes), 0) from Attachment a"
            + " where a.appointment.id = :appointmentId and a.sender.id = :senderAccountId")
    long totalBytesSentBy(long appointmentId, long senderAccountId);
}
