package com.mediscan.attachment;

import static com.mediscan.attachment.AttachmentSamples.contains;
import static com.mediscan.support.SecurityTestSupport.actAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.attachment.domain.AttachmentContentRepository;
import com.mediscan.attachment.domain.AttachmentRepository;
import com.mediscan.attachment.domain.StoredType;
import com.mediscan.attachment.service.AttachmentAddedToRecord;
import com.mediscan.attachment.service.AttachmentEntry;
import com.mediscan.attachment.service.AttachmentFile;
import com.mediscan.attachment.service.AttachmentPosted;
import com.mediscan.attachment.service.AttachmentService;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEvent;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.chat.ChatTestAppointments;
import com.mediscan.consultation.service.RoomBus;
import com.mediscan.consultation.service.RoomEvent;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.SecurityTestSupport;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import com.twelvemonkeys.imageio.metadata.tiff.TIFFReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.unit.DataSize;

/**
 * What the attachment service must do on every supported database: tell files by their content,
 * re-encode images so nothing but the picture is kept, keep the SHA-256 of what it stored, let
 * only the appointment's doctor and patient in (auditing every access and refusal), hold the
 * limits, and store a file once however often it is sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AttachmentServiceContract {

    @Autowired
    AttachmentService service;
    @Autowired
    AttachmentRepository attachments;
    @Autowired
    AttachmentContentRepository contents;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    RoomBus roomBus;
    @Autowired
    UserDetailsService users;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;
    @Value("${mediscan.attachment.rate-files}")
    int rateFiles;
    @Value("${mediscan.attachment.max-file-size}")
    DataSize maxFileSize;

    private String databaseName;
    private ChatTestAppointments testAppointments;
    private Appointment appointment;
    private final List<RoomEvent> roomEvents = new CopyOnWriteArrayList<>();
    private AutoCloseable roomSubscription;

    @BeforeAll
    void identifyDatabase() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            databaseName = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        }
    }

    @AfterAll
    void reportDatabase() {
        System.out.println("[database tests] " + getClass().getSimpleName() + " ran on " + databaseName);
    }

    @BeforeEach
    void freshConsultation() {
        testAppointments = new ChatTestAppointments(context);
        appointment = testAppointments.scheduled(DemoUsers.RAJESH, DemoUsers.KRIYA);
        roomEvents.clear();
        roomSubscription = roomBus.subscribe(appointment.getId(), roomEvents::add);
    }

    @AfterEach
    void leave() throws Exception {
        roomSubscription.close();
        SecurityTestSupport.signOut();
        testAppointments.removeCreated();
    }

    private AttachmentEntry send(String email, String name, byte[] content) {
        actAs(users, email);
        return service.send(appointment.getId(), UUID.randomUUID(), name, content);
    }

    private byte[] stored(AttachmentEntry entry) {
        return contents.findByAttachmentId(entry.id()).orElseThrow().getData();
    }

    @Test
    void aJpegWithGpsIsStoredWithoutAnyExif() throws IOException {
        byte[] sent = AttachmentSamples.jpegWithGps(640, 480);
        // The sample really carries EXIF with a GPS position, as an independent reader sees it.
        var exifSegments = JPEGSegmentUtil.readSegments(stream(sent), 0xFFE1, "Exif");
        assertThat(exifSegments).hasSize(1);
        byte[] exif = exifSegments.getFirst().data().readAllBytes();
        // The segment's data follows the "Exif" identifier and its terminating NUL: one padding byte, then TIFF.
        assertThat(exif[0]).isZero();
        var tiff = new TIFFReader().read(stream(java.util.Arrays.copyOfRange(exif, 1, exif.length)));
        assertThat(tiff.getEntryById(34853)).as("GPS IFD pointer").isNotNull();

        AttachmentEntry entry = send(DemoUsers.KRIYA, "rash.jpg", sent);

        byte[] kept = stored(entry);
        assertThat(entry.type()).isEqualTo(StoredType.JPEG);
        assertThat(JPEGSegmentUtil.readSegments(stream(kept), 0xFFE1, "Exif")).isEmpty();
        assertThat(AttachmentSamples.hasJpegSegment(kept, 0xE1)).as("any APP1 segment").isFalse();
        assertThat(contains(kept, AttachmentSamples.EXIF_MAKE.getBytes(StandardCharsets.US_ASCII))).isFalse();
        BufferedImage picture = ImageIO.read(new ByteArrayInputStream(kept));
        assertThat(picture.getWidth()).isEqualTo(640);
        assertThat(picture.getHeight()).isEqualTo(480);
        assertThat(entry.width()).isEqualTo(640);
        assertThat(entry.height()).isEqualTo(480);
    }

    @Test
    void aPortraitPhoneJpegIsTurnedUprightBeforeItsExifIsDropped() throws IOException {
        // 400 × 300 sensor pixels; the red block is in their top-left quarter.
        record Case(int orientation, int redX, int redY, int width, int height) {
        }
        for (Case expected : List.of(
                new Case(6, 225, 100, 300, 400),   // 90° clockwise: top-left goes to top-right
                new Case(8, 75, 300, 300, 400),    // 90° counter-clockwise: to bottom-left
                new Case(3, 300, 225, 400, 300),   // 180°: to bottom-right
                new Case(1, 100, 75, 400, 300))) { // upright: stays
            byte[] sent = AttachmentSamples.jpegWithOrientation(400, 300, expected.orientation());
            assertThat(ImageIO.read(new ByteArrayInputStream(sent)).getWidth()).as("stored sideways in the file").isEqualTo(400);

            AttachmentEntry entry = send(DemoUsers.KRIYA, "arm-" + expected.orientation() + ".jpg", sent);

            BufferedImage kept = ImageIO.read(new ByteArrayInputStream(stored(entry)));
            assertThat(List.of(kept.getWidth(), kept.getHeight())).as("orientation " + expected.orientation())
                    .containsExactly(expected.width(), expected.height());
            assertThat(List.of(entry.width(), entry.height())).containsExactly(expected.width(), expected.height());
            assertThat(new java.awt.Color(kept.getRGB(expected.redX(), expected.redY())).getRed()).isGreaterThan(200);
            assertThat(new java.awt.Color(kept.getRGB(expected.redX(), expected.redY())).getGreen())
                    .as("red at the turned block's centre, orientation " + expected.orientation()).isLessThan(60);
            assertThat(AttachmentSamples.hasJpegSegment(stored(entry), 0xE1)).as("EXIF still dropped").isFalse();
        }
    }

    @Test
    void theHashIsOfTheStoredBytes() throws Exception {
        AttachmentEntry entry = send(DemoUsers.KRIYA, "rash.jpg", AttachmentSamples.jpegWithGps(320, 240));
        byte[] kept = stored(entry);
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(kept));
        assertThat(entry.sha256()).isEqualTo(expected).hasSize(64);
        assertThat(attachments.findById(entry.id()).orElseThrow().getSha256()).isEqualTo(expected);
        assertThat(entry.sizeBytes()).isEqualTo(kept.length);
    }

    @Test
    void aPolyglotKeepsOnlyThePicture() {
        byte[] sent = AttachmentSamples.jpegHtmlPolyglot(200, 150);
        AttachmentEntry entry = send(DemoUsers.KRIYA, "photo.jpg", sent);
        assertThat(contains(stored(entry), "<script>".getBytes(StandardCharsets.US_ASCII))).isFalse();
    }

    @Test
    void typesAreToldByContentNotByName() {
        assertThat(send(DemoUsers.KRIYA, "scan.pdf.jpg", AttachmentSamples.png(50, 40)).type()).isEqualTo(StoredType.PNG);
        AttachmentEntry png = send(DemoUsers.KRIYA, "screenshot", AttachmentSamples.png(50, 40));
        assertThat(png.fileName()).isEqualTo("screenshot.png");
        AttachmentEntry pdf = send(DemoUsers.RAJESH, "lab report.pdf", AttachmentSamples.pdf());
        assertThat(pdf.type()).isEqualTo(StoredType.PDF);
        assertThat(stored(pdf)).isEqualTo(AttachmentSamples.pdf());
        assertThat(contents.findByAttachmentId(pdf.id()).orElseThrow().getThumbnail()).isNull();

        assertThatThrownBy(() -> send(DemoUsers.KRIYA, "x.jpg", AttachmentSamples.html()))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("“x.jpg” is not a JPEG, PNG or WebP photo or a PDF (MediScan checks what the file contains, "
                        + "not its name), so it was not sent.");
        assertThatThrownBy(() -> send(DemoUsers.KRIYA, "script.png", "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("checks what the file contains");
    }

    @Test
    void webpIsDecodedAndStoredAsJpegOrPngWhenTransparent() throws IOException {
        AttachmentEntry opaque = send(DemoUsers.KRIYA, "mole.webp", AttachmentSamples.resource("opaque.webp"));
        assertThat(opaque.type()).isEqualTo(StoredType.JPEG);
        assertThat(opaque.fileName()).isEqualTo("mole.jpg");
        assertThat(ImageIO.read(new ByteArrayInputStream(stored(opaque))).getWidth()).isEqualTo(64);

        AttachmentEntry transparent = send(DemoUsers.KRIYA, "overlay.webp", AttachmentSamples.resource("transparent.webp"));
        assertThat(transparent.type()).isEqualTo(StoredType.PNG);
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(stored(transparent)));
        assertThat(png.getColorModel().hasAlpha()).isTrue();
        assertThat(png.getRGB(60, 10) >>> 24).isEqualTo(64);
    }

    @Test
    void heicIsRefusedWithAWayOut() {
        assertThatThrownBy(() -> send(DemoUsers.KRIYA, "IMG_0042.HEIC", AttachmentSamples.heicHeader()))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("HEIC photo, which this server cannot read")
                .hasMessageContaining("Take photo");
    }

    @Test
    void emptyDamagedAndOversizedFilesAreRefusedClearlyAndNothingIsStored() {
        assertThatThrownBy(() -> send(DemoUsers.KRIYA, "empty.jpg", new byte[0]))
                .isInstanceOf(BusinessRuleException.class).hasMessage("“empty.jpg” is empty (0 bytes), so there was nothing to send.");
        assertThatThrownBy(() -> send(DemoUsers.KRIYA, "half.jpg", AttachmentSamples.truncatedJpeg()))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("damaged or incomplete");
        byte[] truncatedPdf = java.util.Arrays.copyOf(AttachmentSamples.pdf(), 60);
        assertThatThrownBy(() -> send(DemoUsers.KRIYA, "report.pdf", truncatedPdf))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("incomplete PDF");
        byte[] tooLarge = new byte[(int) maxFileSize.toBytes() + 1];
        System.arraycopy(AttachmentSamples.pdf(), 0, tooLarge, 0, 8);
        assertThatThrownBy(() -> send(DemoUsers.KRIYA, "big.pdf", tooLarge))
                .isInstanceOf(BusinessRuleException.class).hasMessageContaining("a file can be at most 10 MB");

        assertThat(attachments.findConversation(appointment.getId())).isEmpty();
        assertThat(deniedUploads()).extracting(AuditEvent::getDetail)
                .anyMatch(detail -> detail.equals("empty file"))
                .anyMatch(detail -> detail.equals("file too large"))
                .anyMatch(detail -> detail.startsWith("file refused: "));
    }

    @Test
    void theRoomHearsOfAPhotoWhileTheSenderHoldsNoConnection() {
        List<Map<Object, Object>> boundWhenPublished = new ArrayList<>();
        try (AutoCloseable probe = roomBus.subscribe(appointment.getId(), event -> {
            if (event instanceof AttachmentPosted) {
                boundWhenPublished.add(Map.copyOf(TransactionSynchronizationManager.getResourceMap()));
            }
        })) {
            send(DemoUsers.KRIYA, "rash.jpg", AttachmentSamples.jpeg(300, 200));
        } catch (Exception unexpected) {
            throw new AssertionError(unexpected);
        }
        assertThat(boundWhenPublished).singleElement()
                .satisfies(bound -> assertThat(bound).as("EntityManagers and connections bound to the sender's thread").isEmpty());
    }

    @Test
    void aResendWithTheSameKeyReturnsTheStoredFileAndNeverDuplicatesIt() {
        actAs(users, DemoUsers.KRIYA);
        UUID key = UUID.randomUUID();
        AttachmentEntry first = service.send(appointment.getId(), key, "rash.jpg", AttachmentSamples.jpeg(300, 200));
        AttachmentEntry again = service.send(appointment.getId(), key, "rash.jpg", AttachmentSamples.jpeg(300, 200));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(attachments.findConversation(appointment.getId())).hasSize(1);
        assertThat(roomEvents).filteredOn(AttachmentPosted.class::isInstance).hasSize(2)
                .allSatisfy(event -> assertThat(((AttachmentPosted) event).attachment().id()).isEqualTo(first.id()));
    }

    @Test
    void aConcurrentDoubleSendIsStoredOnce() throws Exception {
        UUID key = UUID.randomUUID();
        byte[] photo = AttachmentSamples.jpeg(800, 600);
        int senders = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<AttachmentEntry>> sends = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                sends.add(pool.submit(() -> {
                    actAs(users, DemoUsers.KRIYA);
                    start.await();
                    try {
                        return service.send(appointment.getId(), key, "rash.jpg", photo);
                    } finally {
                        SecurityTestSupport.signOut();
                    }
                }));
            }
            start.countDown();
            List<Long> ids = new ArrayList<>();
            for (Future<AttachmentEntry> send : sends) {
                ids.add(send.get().id());
            }
            assertThat(ids).containsOnly(ids.getFirst());
        } finally {
            pool.shutdownNow();
        }
        assertThat(attachments.findConversation(appointment.getId())).hasSize(1);
        assertThat(contents.findByAttachmentId(attachments.findByClientKey(key).orElseThrow().getId())).isPresent();
    }

    @Test
    void aResendCannotClaimAnotherPersonsFile() {
        actAs(users, DemoUsers.KRIYA);
        UUID key = UUID.randomUUID();
        service.send(appointment.getId(), key, "rash.jpg", AttachmentSamples.jpeg(100, 100));
        actAs(users, DemoUsers.RAJESH);
        assertThatThrownBy(() -> service.send(appointment.getId(), key, "mine.jpg", AttachmentSamples.jpeg(100, 100)))
                .isInstanceOf(NotFoundOrDeniedException.class);
    }

    @Test
    void onlyTheAppointmentsDoctorAndPatientMaySendSeeOrDownloadAndRefusalsAreAudited() {
        AttachmentEntry entry = send(DemoUsers.KRIYA, "rash.jpg", AttachmentSamples.jpeg(100, 100));
        for (String outsider : List.of(DemoUsers.ARJUN, DemoUsers.SNEHA, DemoUsers.ADMIN)) {
            actAs(users, outsider);
            assertThatThrownBy(() -> service.send(appointment.getId(), UUID.randomUUID(), "x.jpg", AttachmentSamples.jpeg(10, 10)))
                    .isInstanceOf(NotFoundOrDeniedException.class);
            assertThatThrownBy(() -> service.list(appointment.getId())).isInstanceOf(NotFoundOrDeniedException.class);
            assertThatThrownBy(() -> service.content(entry.id(), false)).isInstanceOf(NotFoundOrDeniedException.class);
            assertThatThrownBy(() -> service.content(entry.id(), true)).isInstanceOf(NotFoundOrDeniedException.class);
            assertThatThrownBy(() -> service.thumbnail(entry.id())).isInstanceOf(NotFoundOrDeniedException.class);
            assertThatThrownBy(() -> service.addToRecord(entry.id())).isInstanceOf(NotFoundOrDeniedException.class);
        }
        assertThat(events(AuditOutcome.DENIED, e -> e.getAction() == AuditAction.ATTACHMENT_DOWNLOADED)).hasSize(3);
        assertThat(events(AuditOutcome.DENIED, e -> e.getAction() == AuditAction.ATTACHMENT_VIEWED)).hasSize(9);
        assertThat(events(AuditOutcome.DENIED, e -> e.getAction() == AuditAction.ATTACHMENT_ADDED_TO_RECORD)).hasSize(3);

        actAs(users, DemoUsers.RAJESH);
        assertThat(service.content(entry.id(), true).content()).isEqualTo(stored(entry));
        actAs(users, DemoUsers.KRIYA);
        assertThat(service.list(appointment.getId())).extracting(AttachmentEntry::id).containsExactly(entry.id());
    }

    @Test
    void aGuessedIdGetsTheSameRefusalAsAForeignOne() {
        actAs(users, DemoUsers.KRIYA);
        long unknown = Long.MAX_VALUE - 7;
        assertThatThrownBy(() -> service.content(unknown, true))
                .isInstanceOf(NotFoundOrDeniedException.class)
                .hasMessage(new NotFoundOrDeniedException().getMessage());
        assertThat(auditEvents.findByRecordTypeAndRecordIdOrderByIdAsc("appointment", -1L)).filteredOn(e -> e.getAction() == AuditAction.ATTACHMENT_DOWNLOADED
                && e.getOutcome() == AuditOutcome.DENIED && "no such appointment".equals(e.getDetail())).isNotEmpty();
    }

    @Test
    void uploadsViewsDownloadsAndRecordAdditionsAreAudited() {
        AttachmentEntry entry = send(DemoUsers.KRIYA, "rash.jpg", AttachmentSamples.jpeg(100, 100));
        actAs(users, DemoUsers.RAJESH);
        service.list(appointment.getId());
        service.thumbnail(entry.id());
        AttachmentFile shown = service.content(entry.id(), false);
        service.content(entry.id(), true);
        service.addToRecord(entry.id());

        assertThat(shown.mediaType()).isEqualTo("image/jpeg");
        assertThat(events(AuditOutcome.ALLOWED, e -> true)).extracting(AuditEvent::getAction)
                .contains(AuditAction.ATTACHMENT_UPLOADED, AuditAction.ATTACHMENT_VIEWED, AuditAction.ATTACHMENT_DOWNLOADED,
                        AuditAction.ATTACHMENT_ADDED_TO_RECORD);
        assertThat(events(AuditOutcome.ALLOWED, e -> e.getAction() == AuditAction.ATTACHMENT_UPLOADED))
                .singleElement().satisfies(e -> assertThat(e.getDetail()).contains("sha256 " + entry.sha256()));
    }

    @Test
    void onlyTheDoctorAddsToTheRecordAndThePatientHearsOfIt() {
        AttachmentEntry entry = send(DemoUsers.KRIYA, "rash.jpg", AttachmentSamples.jpeg(100, 100));
        actAs(users, DemoUsers.KRIYA);
        assertThatThrownBy(() -> service.addToRecord(entry.id())).isInstanceOf(NotFoundOrDeniedException.class);
        assertThat(service.inRecord(appointment.getId())).isEmpty();

        actAs(users, DemoUsers.RAJESH);
        AttachmentEntry added = service.addToRecord(entry.id());
        service.addToRecord(entry.id());

        assertThat(added.inRecord()).isTrue();
        assertThat(roomEvents).filteredOn(AttachmentAddedToRecord.class::isInstance).singleElement()
                .satisfies(event -> assertThat(((AttachmentAddedToRecord) event).doctorName()).isEqualTo("Dr. Rajesh Patel"));
        actAs(users, DemoUsers.KRIYA);
        assertThat(service.inRecord(appointment.getId())).extracting(AttachmentEntry::id).containsExactly(entry.id());
        assertThat(events(AuditOutcome.ALLOWED, e -> e.getAction() == AuditAction.ATTACHMENT_ADDED_TO_RECORD)).hasSize(1);
    }

    @Test
    void aPersonSendingTooFastIsAskedToWaitWhileTheOtherMayStillSend() {
        for (int i = 0; i < rateFiles; i++) {
            send(DemoUsers.KRIYA, "photo" + i + ".png", AttachmentSamples.png(20 + i, 20));
        }
        assertThatThrownBy(() -> send(DemoUsers.KRIYA, "one-more.png", AttachmentSamples.png(10, 10)))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("You are sending files faster than the consultation allows. Please wait a minute, then send again.");
        assertThat(send(DemoUsers.RAJESH, "doctor.png", AttachmentSamples.png(10, 10))).isNotNull();
        assertThat(deniedUploads()).extracting(AuditEvent::getDetail).contains("rate limit");
    }

    @Test
    void afterTheConsultationNothingMoreCanBeSentButTheFilesStayVisible() {
        AttachmentEntry entry = send(DemoUsers.KRIYA, "rash.jpg", AttachmentSamples.jpeg(100, 100));
        testAppointments.complete(appointment);

        assertThatThrownBy(() -> send(DemoUsers.KRIYA, "late.jpg", AttachmentSamples.jpeg(100, 100)))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("This consultation has ended, so no more photos or files can be sent in it.");
        actAs(users, DemoUsers.RAJESH);
        assertThat(service.list(appointment.getId())).extracting(AttachmentEntry::id).containsExactly(entry.id());
        assertThat(service.addToRecord(entry.id()).inRecord()).isTrue();
    }

    private List<AuditEvent> deniedUploads() {
        return events(AuditOutcome.DENIED, e -> e.getAction() == AuditAction.ATTACHMENT_UPLOADED);
    }

    private List<AuditEvent> events(AuditOutcome outcome, Predicate<AuditEvent> which) {
        return auditEvents.findByRecordTypeAndRecordIdOrderByIdAsc("appointment", appointment.getId()).stream()
                .filter(e -> e.getOutcome() == outcome)
                .filter(which).toList();
    }

    private static ImageInputStream stream(byte[] bytes) throws IOException {
        return ImageIO.createImageInputStream(new ByteArrayInputStream(bytes));
    }
}
