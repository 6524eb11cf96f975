package com.mediscan.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.mediscan.account.domain.DoctorProfileRepository;
import com.mediscan.account.domain.PatientProfileRepository;
import com.mediscan.account.domain.UserAccountRepository;
import com.mediscan.account.service.AccountService;
import com.mediscan.account.ui.AdminHomeView;
import com.mediscan.account.ui.ChangePasswordView;
import com.mediscan.account.ui.DoctorsAdminView;
import com.mediscan.account.ui.PatientsAdminView;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentRepository;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.appointment.ui.AdminAppointmentsView;
import com.mediscan.appointment.ui.BookAppointmentView;
import com.mediscan.appointment.ui.DoctorDashboardView;
import com.mediscan.appointment.ui.PatientAppointmentsView;
import com.mediscan.appointment.ui.PatientDashboardView;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEvent;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.audit.service.AuditFilter;
import com.mediscan.audit.service.AuditTrail;
import com.mediscan.audit.ui.AuditView;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.base.ui.NotAvailableView;
import com.mediscan.chat.service.ChatService;
import com.mediscan.prescription.service.PrescriptionService;
import com.mediscan.prescription.ui.PatientRecordsView;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuTest;
import com.vaadin.flow.component.UI;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;

/**
 * Every role against every view and every service method that touches patient data: the ones
 * allowed get through, everyone else is refused, and each refusal is on the audit trail with the
 * person who tried (none for an anonymous visitor).
 *
 * <p>To cover a new view or service method, add one line to {@link #VIEWS} or {@link #SERVICES}.
 * Each case gets a fresh appointment between {@link Actor#DOCTOR} and {@link Actor#PATIENT}
 * inside its join window ({@code {appointment}} in a route) and a throw-away patient account.
 */
class AccessMatrixTest extends KaribuTest {

    enum Actor {
        ANONYMOUS(null),
        DOCTOR(DemoUsers.RAJESH),
        OTHER_DOCTOR(DemoUsers.SNEHA),
        PATIENT(DemoUsers.KRIYA),
        OTHER_PATIENT(DemoUsers.ARJUN),
        ADMIN(DemoUsers.ADMIN);

        final String email;

        Actor(String email) {
            this.email = email;
        }
    }

    static final Set<Actor> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Actor.ANONYMOUS));
    static final Set<Actor> PARTICIPANTS = EnumSet.of(Actor.DOCTOR, Actor.PATIENT);
    static final Set<Actor> DOCTORS = EnumSet.of(Actor.DOCTOR, Actor.OTHER_DOCTOR);
    static final Set<Actor> PATIENTS = EnumSet.of(Actor.PATIENT, Actor.OTHER_PATIENT);

    /** What a case works on, made fresh for each one. */
    record Fixture(long appointmentId, long patientAccountId, long spareAccountId, AccessMatrixTest test) {

        <T> T bean(Class<T> type) {
            return test.applicationContext.getBean(type);
        }
    }

    interface Call {
        void run(Fixture fixture) throws Exception;
    }

    record ViewRule(String route, Class<?> view, Set<Actor> allowed, AuditAction refusalAction) {
    }

    /** {@code aboutAppointment}: a refusal is recorded against the case's appointment. */
    record ServiceRule(String name, Set<Actor> allowed, AuditAction refusalAction, boolean aboutAppointment, Call call) {
    }

    static ViewRule view(String route, Class<?> view, Set<Actor> allowed) {
        return new ViewRule(route, view, allowed, AuditAction.VIEW_OPENED);
    }

    static ServiceRule service(String name, Set<Actor> allowed, AuditAction refusalAction, Call call) {
        return new ServiceRule(name, allowed, refusalAction, false, call);
    }

    static ServiceRule appointmentService(String name, Set<Actor> allowed, AuditAction refusalAction, Call call) {
        return new ServiceRule(name, allowed, refusalAction, true, call);
    }

    static final List<ViewRule> VIEWS = List.of(
            view("", null, SIGNED_IN),
            view("doctor", DoctorDashboardView.class, DOCTORS),
            view("patient", PatientDashboardView.class, PATIENTS),
            view("admin", AdminHomeView.class, EnumSet.of(Actor.ADMIN)),
            view("admin/audit", AuditView.class, EnumSet.of(Actor.ADMIN)),
            view("change-password", ChangePasswordView.class, SIGNED_IN),
            view("records", PatientRecordsView.class, PATIENTS),
            view("patient/appointments", PatientAppointmentsView.class, PATIENTS),
            view("patient/book", BookAppointmentView.class, PATIENTS),
            view("admin/doctors", DoctorsAdminView.class, EnumSet.of(Actor.ADMIN)),
            view("admin/patients", PatientsAdminView.class, EnumSet.of(Actor.ADMIN)),
            view("admin/appointments", AdminAppointmentsView.class, EnumSet.of(Actor.ADMIN)));

    static final List<ServiceRule> SERVICES = List.of(
            appointmentService("AppointmentService.openConsultation", PARTICIPANTS, AuditAction.CONSULTATION_OPENED,
                    f -> f.bean(AppointmentService.class).openConsultation(f.appointmentId())),
            appointmentService("AppointmentService.patientArrived", PARTICIPANTS, AuditAction.APPOINTMENT_CHANGED,
                    f -> f.bean(AppointmentService.class).patientArrived(f.appointmentId())),
            appointmentService("AppointmentService.patientLeft", PARTICIPANTS, AuditAction.APPOINTMENT_CHANGED,
                    f -> f.bean(AppointmentService.class).patientLeft(f.appointmentId())),
            appointmentService("AppointmentService.callConnected", PARTICIPANTS, AuditAction.APPOINTMENT_CHANGED,
                    f -> f.bean(AppointmentService.class).callConnected(f.appointmentId())),
            appointmentService("AppointmentService.endCall", PARTICIPANTS, AuditAction.APPOINTMENT_CHANGED,
                    f -> f.bean(AppointmentService.class).endCall(f.appointmentId())),
            appointmentService("AppointmentService.cancel", EnumSet.of(Actor.DOCTOR, Actor.PATIENT, Actor.ADMIN), AuditAction.APPOINTMENT_CHANGED,
                    f -> f.bean(AppointmentService.class).cancel(f.appointmentId())),
            appointmentService("AppointmentService.markNoShow", EnumSet.of(Actor.DOCTOR), AuditAction.APPOINTMENT_CHANGED,
                    f -> f.bean(AppointmentService.class).markNoShow(f.appointmentId())),
            appointmentService("ChatService.history", PARTICIPANTS, AuditAction.CHAT_READ,
                    f -> f.bean(ChatService.class).history(f.appointmentId())),
            appointmentService("ChatService.transcript", PARTICIPANTS, AuditAction.CHAT_READ,
                    f -> f.bean(ChatService.class).transcript(f.appointmentId())),
            appointmentService("PrescriptionService.signedVersions", PARTICIPANTS, AuditAction.PRESCRIPTION_READ,
                    f -> f.bean(PrescriptionService.class).signedVersions(f.appointmentId())),
            appointmentService("PrescriptionService.record", PARTICIPANTS, AuditAction.RECORD_VIEWED,
                    f -> f.bean(PrescriptionService.class).record(f.appointmentId())),
            appointmentService("PrescriptionService.openDraft", EnumSet.of(Actor.DOCTOR), AuditAction.PRESCRIPTION_READ,
                    f -> f.bean(PrescriptionService.class).openDraft(f.appointmentId())),
            appointmentService("PrescriptionService.earlierPrescriptions", EnumSet.of(Actor.DOCTOR), AuditAction.RECORD_VIEWED,
                    f -> f.bean(PrescriptionService.class).earlierPrescriptions(f.appointmentId())),
            service("AccountService.resetPassword", EnumSet.of(Actor.ADMIN), AuditAction.ACCOUNT_CHANGED,
                    f -> f.bean(AccountService.class).resetPassword(f.spareAccountId(), "matrix-Reset-Pass-" + UUID.randomUUID())),
            service("AuditTrail.find", EnumSet.of(Actor.ADMIN), AuditAction.VIEW_OPENED,
                    f -> f.bean(AuditTrail.class).find(AuditFilter.everything(), 0, 10)),
            service("AuditTrail.count", EnumSet.of(Actor.ADMIN), AuditAction.VIEW_OPENED,
                    f -> f.bean(AuditTrail.class).count(AuditFilter.everything())),
            service("AuditTrail.patients", EnumSet.of(Actor.ADMIN), AuditAction.VIEW_OPENED,
                    f -> f.bean(AuditTrail.class).patients()),
            service("AuditTrail.exportCsv", EnumSet.of(Actor.ADMIN), AuditAction.AUDIT_EXPORTED,
                    f -> f.bean(AuditTrail.class).exportCsv(AuditFilter.everything(), new StringWriter())));

    private static final AtomicLong SLOT = new AtomicLong();

    @Autowired
    AppointmentRepository appointments;
    @Autowired
    DoctorProfileRepository doctors;
    @Autowired
    PatientProfileRepository patients;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    AccountService accountService;
    @Autowired
    AuditEventRepository auditEvents;

    static Stream<Arguments> viewCases() {
        return VIEWS.stream().flatMap(rule -> Arrays.stream(Actor.values())
                .map(actor -> Arguments.of("/" + rule.route() + " as " + actor, rule, actor)));
    }

    static Stream<Arguments> serviceCases() {
        return SERVICES.stream().flatMap(rule -> Arrays.stream(Actor.values())
                .map(actor -> Arguments.of(rule.name() + " as " + actor, rule, actor)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("viewCases")
    void views(String name, ViewRule rule, Actor actor) {
        Fixture fixture = freshFixture();
        String route = rule.route().replace("{appointment}", Long.toString(fixture.appointmentId()));
        long lastEventBefore = lastEventId();
        signInAs(actor);

        Throwable thrown = catchThrowable(() -> UI.getCurrent().navigate(route));

        if (rule.allowed().contains(actor)) {
            assertThat(thrown).as(name).isNull();
            if (rule.view() != null) {
                _assertOne(rule.view().asSubclass(com.vaadin.flow.component.Component.class));
            }
            assertThat(_find(LoginView.class)).as(name + " stays signed in").isEmpty();
        } else {
            boolean sentToSignIn = actor == Actor.ANONYMOUS && !_find(LoginView.class).isEmpty();
            boolean refused = thrown instanceof MockAccessDeniedException || thrown instanceof NotFoundOrDeniedException
                    || !_find(NotAvailableView.class).isEmpty();
            assertThat(sentToSignIn || refused).as(name + " is refused (thrown: " + thrown + ")").isTrue();
            if (rule.view() != null) {
                assertThat(_find(rule.view().asSubclass(com.vaadin.flow.component.Component.class))).as(name + " shows nothing").isEmpty();
            }
            assertRefusalRecorded(name, actor, rule.refusalAction(), lastEventBefore, null);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceCases")
    void services(String name, ServiceRule rule, Actor actor) {
        Fixture fixture = freshFixture();
        long lastEventBefore = lastEventId();
        signInAs(actor);

        Throwable thrown = catchThrowable(() -> rule.call().run(fixture));

        boolean refused = thrown instanceof NotFoundOrDeniedException || thrown instanceof AccessDeniedException;
        if (rule.allowed().contains(actor)) {
            assertThat(refused).as(name + " is allowed (thrown: " + thrown + ")").isFalse();
        } else {
            assertThat(refused).as(name + " is refused (thrown: " + thrown + ")").isTrue();
            assertRefusalRecorded(name, actor, rule.refusalAction(), lastEventBefore,
                    rule.aboutAppointment() ? fixture.appointmentId() : null);
        }
    }

    private void signInAs(Actor actor) {
        if (actor != Actor.ANONYMOUS) {
            signIn(actor.email);
        }
    }

    private void assertRefusalRecorded(String name, Actor actor, AuditAction action, long after, Long recordId) {
        List<AuditEvent> refusals = auditEvents.findAll((root, query, cb) -> cb.and(
                        cb.greaterThan(root.get("id"), after),
                        cb.equal(root.get("outcome"), AuditOutcome.DENIED),
                        cb.equal(root.get("action"), action)),
                PageRequest.of(0, 50, Sort.by("id"))).getContent();
        assertThat(refusals).as(name + ": a DENIED " + action + " record by " + actor)
                .anyMatch(event -> Objects.equals(event.getActorEmail(), actor.email)
                        && (recordId == null || recordId.equals(event.getRecordId())));
    }

    private long lastEventId() {
        return auditEvents.findAll((root, query, cb) -> cb.conjunction(), PageRequest.of(0, 1, Sort.by(Sort.Direction.DESC, "id")))
                .stream().findFirst().map(AuditEvent::getId).orElse(0L);
    }

    private Fixture freshFixture() {
        var doctor = doctors.findByAccountId(accounts.findByEmail(Actor.DOCTOR.email).orElseThrow().getId()).orElseThrow();
        var patient = patients.findByAccountId(accounts.findByEmail(Actor.PATIENT.email).orElseThrow().getId()).orElseThrow();
        // Half-second starts never meet the demo clinic's whole-minute slots of the same doctor.
        Instant startsAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(2))
                .plusSeconds(SLOT.incrementAndGet()).plusMillis(500);
        Appointment appointment = appointments.save(new Appointment(doctor, patient, startsAt, Duration.ofMinutes(30), "Access matrix"));
        long spare = accountService.createPatient("matrix-" + UUID.randomUUID() + "@example.com", "Matrix Spare",
                "matrix-Spare-Pass-" + UUID.randomUUID(), LocalDate.of(1980, 5, 6), null).getAccount().getId();
        return new Fixture(appointment.getId(), patient.getAccount().getId(), spare, this);
    }
}
