package com.mediscan.attachment.ui;

import com.mediscan.attachment.service.AttachmentLimits;
import com.mediscan.attachment.service.AttachmentService;
import com.mediscan.consultation.service.RoomBus;
import org.springframework.stereotype.Component;

/** Makes the photo parts of one consultation for the consultation view. */
@Component
public class PhotoTakingFactory {

    private final AttachmentService attachments;
    private final AttachmentLimits limits;
    private final RoomBus roomBus;

    public PhotoTakingFactory(AttachmentService attachments, AttachmentLimits limits, RoomBus roomBus) {
        this.attachments = attachments;
        this.limits = limits;
        this.roomBus = roomBus;
    }

    public PhotoTaking create(long appointmentId, boolean forDoctor) {
        return new PhotoTaking(appointmentId, forDoctor, attachments, roomBus, limits.maxFileSize().toBytes());
    }
}
