package com.mediscan.chat.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ChatMessageRepository extends JpaRepository<ChatMessage, Long> {

    /** A consultation's chat in the order it was written (id breaks ties of equal timestamps). */
    @EntityGraph(attributePaths = "sender")
    @Query("select m from ChatMessage m where m.appointment.id = :appointmentId order by m.sentAt, m.id")
    List<ChatMessage> findConversation(long appointmentId);

    @EntityGraph(attributePaths = "sender")
    Optional<ChatMessage> findByClientMessageId(UUID clientMessageId);

    @Query("select count(m) from ChatMessage m"
            + " where m.appointment.id = :appointmentId and m.sender.id = :senderAccountId and m.sentAt > :since")
    long countSentSince(long appointmentId, long senderAccountId, Instant since);
}
