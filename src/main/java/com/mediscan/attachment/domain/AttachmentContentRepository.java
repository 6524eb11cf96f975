package com.mediscan.attachment.domain;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AttachmentContentRepository extends JpaRepository<AttachmentContent, Long> {

    @Query("select c from AttachmentContent c where c.attachment.id = :attachmentId")
    Optional<AttachmentContent> findByAttachmentId(long attachmentId);
}
