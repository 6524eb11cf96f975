package com.mediscan.attachment.domain;

import com.mediscan.base.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;

/** The stored bytes of one attachment and, for images, a small preview; read only when opened. */
@Entity
@Table(name = "attachment_content")
public class AttachmentContent extends AbstractEntity {

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "attachment_id", nullable = false, unique = true, updatable = false)
    private Attachment attachment;

    @Column(name = "data", nullable = false, updatable = false)
    private byte[] data;

    @Column(name = "thumbnail", updatable = false)
    private byte[] thumbnail;

    protected AttachmentContent() {
    }

    public AttachmentContent(Attachment attachment, byte[] data, byte[] thumbnail) {
        this.attachment = attachment;
        this.data = data;
        this.thumbnail = thumbnail;
    }

    public byte[] getData() {
        return data;
    }

    public byte[] getThumbnail() {
        return thumbnail;
    }
}
