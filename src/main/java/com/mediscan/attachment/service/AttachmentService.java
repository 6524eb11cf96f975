package com.mediscan.attachment.service;

import com.mediscan.account.domain.UserAccount;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.service.AppointmentAccess;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.attachment.domain.Attachment;
import com.mediscan.attachment.domain.AttachmentContent;
import com.mediscan.attachment.domain.AttachmentContentRepository;
import com.mediscan.attachment.domain.AttachmentRepository;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.audit.service.AuditService;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.consultation.service.RoomBus;
import com.mediscan.security.CurrentUser;
import com.mediscan.security.SignedInUser;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.LongFunction;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Photos and files of one consultation: only its doctor and patient may send, see or download
 * them, and every such access is audited. A file is checked and (for images) re-encoded before
 * it is stored, stored whole or not at all, and stored once however often it is sent.
 */
@Service
@Transactional
@EnableConfigurationProperties(AttachmentLimits.class)
public class AttachmentService {

    static final String CLOSED = "This consultation has ended, so no more photos or files can be sent in it.";
    static final String RATE_LIMITED = "You are sending files faster than the consultation allows. "
            + "Please wait a minute, then send again.";

    private final AttachmentRepository attachments;
    private final AttachmentContentRepository contents;
    private final FilePreparation preparation;
    private final AppointmentAccess access;
    private final CurrentUser currentUser;
    private final AuditService audit;
    private final RoomBus roomBus;
    private final Clock clock;
    private final TransactionTemplate storing;
    private final AttachmentLimits limits;

    public AttachmentService(AttachmentRepository attachments, AttachmentContentRepository contents, FilePreparation preparation,
                             AppointmentAccess access, CurrentUser currentUser, AuditService audit, RoomBus roomBus,
                             Clock clock, PlatformTransactionManager transactions, AttachmentLimits limits) {
        this.attachments = attachments;
        this.contents = contents;
        this.preparation = preparation;
        this.access = access;
        this.currentUser = currentUser;
        this.audit = audit;
        this.roomBus = roomBus;
        this.clock = clock;
        this.storing = new TransactionTemplate(transactions);
        this.limits = limits;
    }

    /**
     * Stores a photo or file from the current user and then tells the room. {@code clientKey} is
     * chosen by the sender for this one file; sending it again (after a dropped connection or a
     * failed attempt) returns what was stored the first time.
     * <p>
     * Runs outside a surrounding transaction for the reason {@code ChatService.send} does: the loser
     * of two racing sends must read the winner's row in a fresh transaction.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public AttachmentEntry send(long appointmentId, UUID clientKey, String fileName, byte[] content) {
        Objects.requireNonNull(clientKey, "clientKey");
        Appointment appointment = access.requireParticipant(appointmentId, AuditAction.ATTACHMENT_UPLOADED);
        SignedInUser user = currentUser.require();
        var earlier = attachments.findByClientKey(clientKey);
        if (earlier.isPresent()) {
            return redelivered(earlier.get(), appointment, user);
        }
        if (appointment.getStatus().isFinal()) {
            throw refused(appointment, "consultation has ended", CLOSED);
        }
        String name = FilePreparation.displayName(fileName);
        checkSize(appointment, name, content == null ? 0 : content.length);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        checkLimits(appointment, user, content.length, now);
        PreparedFile prepared;
        try {
            prepared = preparation.prepare(name, content);
        } catch (BusinessRuleException refusal) {
            throw refused(appointment, "file refused: " + refusal.getMessage(), refusal.getMessage());
        }
        Attachment stored;
        try {
            stored = storing.execute(status -> store(appointment, user, clientKey, prepared, now));
        } catch (DataIntegrityViolationException conflict) {
            Attachment winner = attachments.findByClientKey(clientKey).orElseThrow(() -> conflict);
            return redelivered(winner, appointment, user);
        }
        audit.record(AuditAction.ATTACHMENT_UPLOADED, AuditOutcome.ALLOWED, AppointmentService.subject(appointment),
                "attachment " + stored.getId() + ", " + prepared.type().mediaType() + ", " + prepared.content().length
                        + " bytes, sha256 " + stored.getSha256());
        AttachmentEntry entry = AttachmentEntry.of(stored);
        roomBus.publish(new AttachmentPosted(entry));
        return entry;
    }

    /** The consultation's photos and files in the order they were sent, for its doctor and patient. */
    @Transactional(readOnly = true)
    public List<AttachmentEntry> list(long appointmentId) {
        return listed(appointmentId, attachments::findConversation, "attachment list");
    }

    /** The photos and files the doctor added to the consultation's record. */
    @Transactional(readOnly = true)
    public List<AttachmentEntry> inRecord(long appointmentId) {
        return listed(appointmentId, attachments::findInRecord, "attachments in record");
    }

    /**
     * The photos and files in the record with their bytes, for a document made of the record (the
     * visit summary). Audited as a download: the bytes leave with that document.
     */
    @Transactional(readOnly = true)
    public List<RecordFile> recordFiles(long appointmentId) {
        Appointment appointment = access.requireParticipant(appointmentId, AuditAction.ATTACHMENT_DOWNLOADED);
        List<RecordFile> files = attachments.findInRecord(appointmentId).stream()
                .map(attachment -> new RecordFile(AttachmentEntry.of(attachment),
                        contents.findByAttachmentId(attachment.getId()).orElseThrow().getData()))
                .toList();
        audit.record(AuditAction.ATTACHMENT_DOWNLOADED, AuditOutcome.ALLOWED, AppointmentService.subject(appointment),
                "attachments in record " + files.stream().map(file -> String.valueOf(file.entry().id())).toList()
                        + " for the visit summary");
        return files;
    }

    private List<AttachmentEntry> listed(long appointmentId, LongFunction<List<Attachment>> query, String what) {
        Appointment appointment = access.requireParticipant(appointmentId, AuditAction.ATTACHMENT_VIEWED);
        List<AttachmentEntry> entries = query.apply(appointmentId).stream().map(AttachmentEntry::of).toList();
        audit.record(AuditAction.ATTACHMENT_VIEWED, AuditOutcome.ALLOWED, AppointmentService.subject(appointment),
                what + ", " + entries.size() + " files");
        return entries;
    }

    /** The stored bytes, to show ({@code download} false) or to save; audited as a view or a download. */
    @Transactional(readOnly = true)
    public AttachmentFile content(long attachmentId, boolean download) {
        AuditAction action = download ? AuditAction.ATTACHMENT_DOWNLOADED : AuditAction.ATTACHMENT_VIEWED;
        Attachment attachment = requireVisible(attachmentId, action);
        AttachmentContent content = contents.findByAttachmentId(attachmentId).orElseThrow(NotFoundOrDeniedException::new);
        audit.record(action, AuditOutcome.ALLOWED, AppointmentService.subject(attachment.getAppointment()),
                "attachment " + attachmentId);
        return new AttachmentFile(attachment.getFileName(), attachment.getType().mediaType(), content.getData());
    }

    /** A small JPEG preview of an image attachment. */
    @Transactional(readOnly = true)
    public AttachmentFile thumbnail(long attachmentId) {
        Attachment attachment = requireVisible(attachmentId, AuditAction.ATTACHMENT_VIEWED);
        byte[] thumbnail = contents.findByAttachmentId(attachmentId).map(AttachmentContent::getThumbnail)
                .orElseThrow(NotFoundOrDeniedException::new);
        audit.record(AuditAction.ATTACHMENT_VIEWED, AuditOutcome.ALLOWED, AppointmentService.subject(attachment.getAppointment()),
                "attachment " + attachmentId + " preview");
        return new AttachmentFile("preview-" + attachment.getFileName(), "image/jpeg", thumbnail);
    }

    /**
     * The appointment's doctor adds the attachment to the consultation record, during the call or
     * after it; the room hears of it so the patient sees it. Adding it again changes nothing.
     */
    public AttachmentEntry addToRecord(long attachmentId) {
        Attachment attachment = attachments.findById(attachmentId).orElse(null);
        Appointment appointment = access.requireDoctor(attachment == null ? -1 : attachment.getAppointmentId(),
                AuditAction.ATTACHMENT_ADDED_TO_RECORD);
        if (attachment == null) {
            throw new NotFoundOrDeniedException();
        }
        boolean already = attachment.isInRecord();
        UserAccount doctor = appointment.getDoctor().getAccount();
        attachment.addToRecord(doctor, clock.instant().truncatedTo(ChronoUnit.MICROS));
        attachments.flush();
        AttachmentEntry entry = AttachmentEntry.of(attachment);
        if (!already) {
            audit.record(AuditAction.ATTACHMENT_ADDED_TO_RECORD, AuditOutcome.ALLOWED, AppointmentService.subject(appointment),
                    "attachment " + attachmentId);
            roomBus.publish(new AttachmentAddedToRecord(entry, doctor.getId(), "Dr. " + doctor.getFullName()));
        }
        return entry;
    }

    /** The appointment's doctor asks the patient for a photo, while the consultation is open. */
    @Transactional(readOnly = true)
    public void requestPhoto(long appointmentId) {
        Appointment appointment = access.requireDoctor(appointmentId, AuditAction.ATTACHMENT_UPLOADED);
        if (appointment.getStatus().isFinal()) {
            throw new BusinessRuleException(CLOSED);
        }
        UserAccount doctor = appointment.getDoctor().getAccount();
        roomBus.publish(new PhotoRequested(appointmentId, doctor.getId(), "Dr. " + doctor.getFullName()));
    }

    private Attachment requireVisible(long attachmentId, AuditAction action) {
        Attachment attachment = attachments.findById(attachmentId).orElse(null);
        // An unknown id goes through the same refusal as a foreign one: same audit, same answer.
        access.requireParticipant(attachment == null ? -1 : attachment.getAppointmentId(), action);
        if (attachment == null) {
            throw new NotFoundOrDeniedException();
        }
        return attachment;
    }

    private Attachment store(Appointment appointment, SignedInUser user, UUID clientKey, PreparedFile prepared, Instant now) {
        Attachment attachment = attachments.saveAndFlush(new Attachment(appointment, appointment.participantAccount(user.accountId()), clientKey,
                prepared.fileName(), prepared.type(), prepared.content().length, sha256(prepared.content()),
                prepared.width(), prepared.height(), now));
        contents.saveAndFlush(new AttachmentContent(attachment, prepared.content(), prepared.thumbnail()));
        return attachment;
    }

    private void checkSize(Appointment appointment, String name, int size) {
        if (size == 0) {
            throw refused(appointment, "empty file", "“" + name + "” is empty (0 bytes), so there was nothing to send.");
        }
        if (size > limits.maxFileSize().toBytes()) {
            throw refused(appointment, "file too large", "“" + name + "” is " + megabytes(size) + "; a file can be at most "
                    + megabytes(limits.maxFileSize().toBytes()) + ". Please send a smaller version.");
        }
    }

    private void checkLimits(Appointment appointment, SignedInUser user, int size, Instant now) {
        if (attachments.countSentSince(appointment.getId(), user.accountId(), now.minus(limits.rateWindow())) >= limits.rateFiles()) {
            throw refused(appointment, "rate limit", RATE_LIMITED);
        }
        long sentSoFar = attachments.totalBytesSentBy(appointment.getId(), user.accountId());
        if (sentSoFar + size > limits.perPersonTotal().toBytes()) {
            throw refused(appointment, "consultation total reached", "You have sent " + megabytes(sentSoFar)
                    + " of files in this consultation; together they can be at most " + megabytes(limits.perPersonTotal().toBytes())
                    + ", so this file was not sent.");
        }
    }

    private AttachmentEntry redelivered(Attachment attachment, Appointment appointment, SignedInUser user) {
        if (!attachment.getAppointmentId().equals(appointment.getId()) || !attachment.getSender().getId().equals(user.accountId())) {
            audit.record(AuditAction.ATTACHMENT_UPLOADED, AuditOutcome.DENIED, AppointmentService.subject(appointment),
                    "client key belongs to another consultation or sender");
            throw new NotFoundOrDeniedException();
        }
        AttachmentEntry entry = AttachmentEntry.of(attachment);
        roomBus.publish(new AttachmentPosted(entry));
        return entry;
    }

    private BusinessRuleException refused(Appointment appointment, String reason, String message) {
        audit.record(AuditAction.ATTACHMENT_UPLOADED, AuditOutcome.DENIED, AppointmentService.subject(appointment), reason);
        return new BusinessRuleException(message);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** "10 MB", "10.2 MB": whole megabytes without a fraction. */
    private static String megabytes(long bytes) {
        double megabytes = bytes / (1024.0 * 1024.0);
        return (megabytes == Math.rint(megabytes) ? Long.toString((long) megabytes)
                : String.format(Locale.ROOT, "%.1f", megabytes)) + " MB";
    }
}
