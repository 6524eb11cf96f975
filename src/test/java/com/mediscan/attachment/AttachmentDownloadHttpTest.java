package com.mediscan.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.attachment.domain.AttachmentContentRepository;
import com.mediscan.attachment.service.AttachmentEntry;
import com.mediscan.attachment.service.AttachmentService;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.chat.ChatTestAppointments;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.SecurityTestSupport;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * The download addresses over real HTTP through Spring Security: only the consultation's doctor
 * and patient get the bytes, with the headers that keep a browser from reading them as anything
 * else; everyone else, and every guessed id, gets the same 404, and each request is audited.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AttachmentDownloadHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    AttachmentService attachments;
    @Autowired
    AttachmentContentRepository contents;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    UserDetailsService users;

    private ChatTestAppointments testAppointments;
    private Appointment appointment;
    private AttachmentEntry photo;
    private AttachmentEntry pdf;

    @BeforeEach
    void kriyaSendsAPhotoAndAPdf() {
        testAppointments = new ChatTestAppointments(context);
        appointment = testAppointments.scheduled(DemoUsers.RAJESH, DemoUsers.KRIYA);
        SecurityTestSupport.actAs(users, DemoUsers.KRIYA);
        photo = attachments.send(appointment.getId(), UUID.randomUUID(), "rash on arm.jpg", AttachmentSamples.jpegWithGps(320, 240));
        pdf = attachments.send(appointment.getId(), UUID.randomUUID(), "lab report.pdf", AttachmentSamples.pdf());
        SecurityTestSupport.signOut();
    }

    @AfterEach
    void cleanUp() {
        testAppointments.removeCreated();
    }

    @Test
    void thePatientAndTheDoctorGetTheStoredBytesWithSafeHeaders() throws Exception {
        for (var participant : new String[][] {{DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD}, {DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD}}) {
            HttpClient browser = signedIn(participant[0], participant[1]);
            HttpResponse<byte[]> shown = get(browser, "/attachments/" + photo.id());
            assertThat(shown.statusCode()).isEqualTo(200);
            assertThat(shown.headers().firstValue("Content-Type")).hasValue("image/jpeg");
            assertThat(shown.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline;")
                    .contains("filename*=UTF-8''rash%20on%20arm.jpg");
            assertThat(shown.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(shown.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
            assertThat(shown.body()).isEqualTo(contents.findByAttachmentId(photo.id()).orElseThrow().getData());

            HttpResponse<byte[]> saved = get(browser, "/attachments/" + pdf.id() + "?download");
            assertThat(saved.statusCode()).isEqualTo(200);
            assertThat(saved.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(saved.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
            assertThat(saved.body()).isEqualTo(AttachmentSamples.pdf());

            HttpResponse<byte[]> preview = get(browser, "/attachments/" + photo.id() + "/thumbnail");
            assertThat(preview.statusCode()).isEqualTo(200);
            assertThat(preview.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        }
        assertThat(auditEvents.findByRecordTypeAndRecordIdOrderByIdAsc("appointment", appointment.getId()))
                .filteredOn(e -> e.getAction() == AuditAction.ATTACHMENT_DOWNLOADED && e.getOutcome() == AuditOutcome.ALLOWED)
                .extracting(e -> e.getActorEmail()).containsExactly(DemoUsers.KRIYA, DemoUsers.RAJESH);
    }

    @Test
    void anyoneElseAndAnyGuessedIdGetTheSameNotFound() throws Exception {
        HttpClient arjun = signedIn(DemoUsers.ARJUN, DemoUsers.PATIENT_PASSWORD);
        HttpResponse<byte[]> foreign = get(arjun, "/attachments/" + photo.id() + "?download");
        HttpResponse<byte[]> guessed = get(arjun, "/attachments/" + (pdf.id() + 1000));
        HttpResponse<byte[]> foreignPreview = get(arjun, "/attachments/" + photo.id() + "/thumbnail");
        HttpClient sneha = signedIn(DemoUsers.SNEHA, DemoUsers.DOCTOR_PASSWORD);
        HttpResponse<byte[]> otherDoctor = get(sneha, "/attachments/" + pdf.id());

        for (HttpResponse<byte[]> refused : java.util.List.of(foreign, guessed, foreignPreview, otherDoctor)) {
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(new String(refused.body(), StandardCharsets.UTF_8)).isEqualTo(new String(guessed.body(), StandardCharsets.UTF_8));
            assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        }
        assertThat(auditEvents.findByRecordTypeAndRecordIdOrderByIdAsc("appointment", appointment.getId()))
                .filteredOn(e -> e.getOutcome() == AuditOutcome.DENIED)
                .extracting(e -> e.getActorEmail() + " " + e.getAction())
                .contains(DemoUsers.ARJUN + " ATTACHMENT_DOWNLOADED", DemoUsers.ARJUN + " ATTACHMENT_VIEWED",
                        DemoUsers.SNEHA + " ATTACHMENT_VIEWED");
    }

    @Test
    void withoutASignInTheAddressLeadsToTheSignInPage() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<byte[]> response = get(anonymous, "/attachments/" + photo.id());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    private HttpClient signedIn(String email, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        get(browser, "/login");
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> signIn = browser.send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return browser;
    }

    private HttpResponse<byte[]> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
