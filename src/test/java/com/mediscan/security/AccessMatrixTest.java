package com.mediscan.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.DoctorProfileRepository;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.account.domain.PatientProfileRepository;
import com.mediscan.account.domain.UserAccountRepository;
import com.mediscan.account.service.AccountAdministration;
import com.mediscan.account.service.AccountService;
import com.mediscan.account.service.DoctorDetails;
import com.mediscan.account.service.PatientDetails;
import com.mediscan.account.ui.AdminHomeView;
import com.mediscan.account.ui.ChangePasswordView;
import com.mediscan.account.ui.DoctorsAdminView;
import com.mediscan.account.ui.PatientsAdminView;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentRepository;
import com.mediscan.appointment.domain.AppointmentStatus;
import com.mediscan.appointment.service.AppointmentFilter;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.appointment.service.WorkingHoursService;
import com.mediscan.appointment.service.WorkingHoursService.DayHours;
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
import com.mediscan.consultation.ui.ConsultationView;
import com.mediscan.fhir.service.FhirExportService;
import com.mediscan.prescription.PrescriptionFixtures;
import com.mediscan.prescription.domain.Prescription;
import com.mediscan.prescription.domain.PrescriptionRepository;
import com.mediscan.prescription.service.CallPhase;
import com.mediscan.prescription.service.PrescriptionService;
import com.mediscan.prescription.ui.ConsultationRecordView;
import com.mediscan.prescription.ui.PatientRecordsView;
import com.mediscan.prescription.ui.PrescriptionPrintView;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.KaribuTest;
import com.vaadin.flow.component.UI;
import java.io.StringWriter;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
 * Each case gets a fresh appointment between {@link Actor#DOCTOR} and {@link Actor#PATIENT} that
 * started a moment ago, so its call may be joined ({@code {appointment}} in a route). A call
 * that needs more (a call under way, a signed prescription, a free slot, a throw-away account)
 * asks its {@link Fixture} for it, written straight to the database as nobody.
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
    static final Set<Actor> ADMIN_ONLY = EnumSet.of(Actor.ADMIN);
    static final Set<Actor> PATIENT_AND_DOCTORS = EnumSet.of(Actor.PATIENT, Actor.DOCTOR, Actor.OTHER_DOCTOR);

    /** What a case works on, made fresh for each one. */
    record Fixture(long appointmentId, long doctorProfileId, long patientProfileId, AccessMatrixTest test) {

        <T> T bean(Class<T> type) {
            return test.applicationContext.getBean(type);
        }

        /** The appointment with its call under way; returns its id. */
        long inProgress() {
            AppointmentRepository appointments = bean(AppointmentRepository.class);
            Appointment appointment = appointments.findById(appointmentId).orElseThrow();
            appointment.moveTo(AppointmentStatus.IN_PROGRESS, bean(Clock.class).instant());
            appointments.saveAndFlush(appointment);
            return appointmentId;
        }

        /** A throw-away doctor, for changes no demo doctor should undergo. */
        DoctorProfile newDoctor() {
            DoctorDetails details = newDoctorDetails();
            return bean(AccountService.class).createDoctor(details.email(), details.fullName(), temporaryPassword(),
                    details.specialty(), details.registrationNumber());
        }

        /** A throw-away patient, for changes and bookings no demo patient should undergo. */
        PatientProfile newPatient() {
            PatientDetails details = newPatientDetails();
            return bean(AccountService.class).createPatient(details.email(), details.fullName(), temporaryPassword(),
                    details.dateOfBirth(), null);
        }

        /** A slot of the doctor's, weeks ahead, that the doctor and both patients have free. */
        Instant freeSlot() {
            WorkingHoursService hours = bean(WorkingHoursService.class);
            DoctorProfile doctor = bean(DoctorProfileRepository.class).findById(doctorProfileId).orElseThrow();
            Instant latest = bean(Clock.class).instant().plus(AppointmentService.BOOKING_HORIZON).minus(Duration.ofDays(1));
            return hours.slotStarts(doctor, latest.minus(Duration.ofDays(28)), latest).reversed().stream()
                    .filter(start -> nothingBooked(start, start.plus(hours.slotLength())))
                    .findFirst().orElseThrow();
        }

        private boolean nothingBooked(Instant start, Instant end) {
            AppointmentRepository appointments = bean(AppointmentRepository.class);
            Instant earliest = start.minus(Appointment.LONGEST);
            List<Appointment> around = new ArrayList<>(appointments.findDoctorSlotsStartingBetween(doctorProfileId, earliest, end));
            for (Actor patient : PATIENTS) {
                around.addAll(appointments.findPatientSlotsStartingBetween(test.patientProfile(patient).getId(), earliest, end));
            }
            return around.stream().noneMatch(booked -> booked.overlaps(start, end));
        }

        /** The appointment with version 1 of its prescription signed; returns the appointment's id. */
        long issuedPrescriptionsAppointment() {
            issuedPrescription();
            return appointmentId;
        }

        /** Version 1 of the appointment's prescription, signed by its doctor during the call; returns its id. */
        long issuedPrescription() {
            inProgress();
            Appointment appointment = bean(AppointmentRepository.class).findById(appointmentId).orElseThrow();
            Instant now = bean(Clock.class).instant();
            Prescription prescription = new Prescription(appointment, null);
            prescription.write(PrescriptionFixtures.cardiology(), now);
            prescription.issue(appointment.getDoctor(), now);
            return bean(PrescriptionRepository.class).saveAndFlush(prescription).getId();
        }
    }

    interface Call {
        void run(Fixture fixture) throws Exception;
    }

    /**
     * {@code recordRefusal}: what the view's service records when it refuses someone the
     * navigation check let through, who then sees {@link NotAvailableView}; null for a view whose
     * only guard is the navigation check (its refusals are {@link AuditAction#VIEW_OPENED}).
     */
    record ViewRule(String route, Class<?> view, Set<Actor> allowed, AuditAction recordRefusal) {
    }

    /**
     * {@code refusedRecord}: the record a refusal is filed against, "appointment" for the case's
     * appointment, "patient_record" for its patient, null for none in particular.
     */
    record ServiceRule(String name, Set<Actor> allowed, AuditAction refusalAction, String refusedRecord, Call call) {
    }

    static ViewRule view(String route, Class<?> view, Set<Actor> allowed) {
        return new ViewRule(route, view, allowed, null);
    }

    /**
     * A view of one record, {@code {appointment}} or {@code {prescription}} in its route, whose
     * service decides who may see it; its refusals are recorded against the case's appointment.
     */
    static ViewRule recordView(String route, Class<?> view, Set<Actor> allowed, AuditAction recordRefusal) {
        return new ViewRule(route, view, allowed, recordRefusal);
    }

    static ServiceRule service(String name, Set<Actor> allowed, AuditAction refusalAction, Call call) {
        return new ServiceRule(name, allowed, refusalAction, null, call);
    }

    static ServiceRule appointmentService(String name, Set<Actor> allowed, AuditAction refusalAction, Call call) {
        return new ServiceRule(name, allowed, refusalAction, "appointment", call);
    }

    static ServiceRule patientRecordService(String name, Set<Actor> allowed, AuditAction refusalAction, Call call) {
        return new ServiceRule(name, allowed, refusalAction, "patient_record", call);
    }

    static final List<ViewRule> VIEWS = List.of(
            view("", null, SIGNED_IN),
            view("doctor", DoctorDashboardView.class, DOCTORS),
            view("patient", PatientDashboardView.class, PATIENTS),
            view("admin", AdminHomeView.class, ADMIN_ONLY),
            view("admin/audit", AuditView.class, ADMIN_ONLY),
            view("change-password", ChangePasswordView.class, SIGNED_IN),
            view("records", PatientRecordsView.class, PATIENTS),
            view("patient/appointments", PatientAppointmentsView.class, PATIENTS),
            view("patient/book", BookAppointmentView.class, PATIENTS),
            view("admin/doctors", DoctorsAdminView.class, ADMIN_ONLY),
            view("admin/patients", PatientsAdminView.class, ADMIN_ONLY),
            view("admin/appointments", AdminAppointmentsView.class, ADMIN_ONLY),
            recordView("video-consultation/{appointment}", ConsultationView.class, PARTICIPANTS, AuditAction.CONSULTATION_OPENED),
            recordView("records/{appointment}", ConsultationRecordView.class, PARTICIPANTS, AuditAction.RECORD_VIEWED),
            recordView("prescriptions/{prescription}/print", PrescriptionPrintView.class, PARTICIPANTS, AuditAction.PRESCRIPTION_PRINTED));

    static final List<ServiceRule> SERVICES = List.of(
            appointmentService("AppointmentService.open", EnumSet.of(Actor.DOCTOR, Actor.PATIENT, Actor.ADMIN), AuditAction.VIEW_OPENED,
                    f -> f.bean(AppointmentService.class).open(f.appointmentId())),
            service("AppointmentService.find", SIGNED_IN, AuditAction.VIEW_OPENED,
                    f -> f.bean(AppointmentService.class).find(AppointmentFilter.any(ZoneOffset.UTC), PageRequest.of(0, 10))),
            service("AppointmentService.count", SIGNED_IN, AuditAction.VIEW_OPENED,
                    f -> f.bean(AppointmentService.class).count(AppointmentFilter.any(ZoneOffset.UTC))),
            service("AppointmentService.doctorsDay", DOCTORS, AuditAction.VIEW_OPENED,
                    f -> f.bean(AppointmentService.class).doctorsDay(LocalDate.now(), ZoneOffset.UTC)),
            service("AppointmentService.upcomingForPatient", PATIENTS, AuditAction.VIEW_OPENED,
                    f -> f.bean(AppointmentService.class).upcomingForPatient(5)),
            service("AppointmentService.recentForPatient", PATIENTS, AuditAction.VIEW_OPENED,
                    f -> f.bean(AppointmentService.class).recentForPatient(5)),
            service("AppointmentService.freeSlots", EnumSet.of(Actor.PATIENT, Actor.OTHER_PATIENT, Actor.ADMIN), AuditAction.VIEW_OPENED,
                    f -> f.bean(AppointmentService.class).freeSlots(f.doctorProfileId(), LocalDate.now().plusDays(7), ZoneOffset.UTC)),
            service("AppointmentService.freeSlotsFor", ADMIN_ONLY, AuditAction.VIEW_OPENED,
                    f -> f.bean(AppointmentService.class).freeSlotsFor(f.newPatient().getId(), f.doctorProfileId(), LocalDate.now().plusDays(7), ZoneOffset.UTC)),
            service("AppointmentService.book", PATIENTS, AuditAction.APPOINTMENT_CHANGED,
                    f -> f.bean(AppointmentService.class).book(f.doctorProfileId(), f.freeSlot(), "Access matrix")),
            service("AppointmentService.bookFor", ADMIN_ONLY, AuditAction.APPOINTMENT_CHANGED,
                    f -> f.bean(AppointmentService.class).bookFor(f.newPatient().getId(), f.doctorProfileId(), f.freeSlot(), "Access matrix")),
            appointmentService("AppointmentService.reschedule", EnumSet.of(Actor.DOCTOR, Actor.PATIENT, Actor.ADMIN), AuditAction.APPOINTMENT_CHANGED,
                    f -> f.bean(AppointmentService.class).reschedule(f.appointmentId(), f.freeSlot())),
            appointmentService("AppointmentService.freeSlotsToReschedule", EnumSet.of(Actor.DOCTOR, Actor.PATIENT, Actor.ADMIN), AuditAction.VIEW_OPENED,
                    f -> f.bean(AppointmentService.class).freeSlotsToReschedule(f.appointmentId(), LocalDate.now().plusDays(7), ZoneOffset.UTC)),
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
            appointmentService("ChatService.send", PARTICIPANTS, AuditAction.CHAT_MESSAGE_SENT,
                    f -> f.bean(ChatService.class).send(f.appointmentId(), UUID.randomUUID(), "Access matrix message")),
            appointmentService("ChatService.typing", PARTICIPANTS, AuditAction.CHAT_MESSAGE_SENT,
                    f -> f.bean(ChatService.class).typing(f.appointmentId())),
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
            appointmentService("PrescriptionService.saveDraft", EnumSet.of(Actor.DOCTOR), AuditAction.PRESCRIPTION_SAVED,
                    f -> f.bean(PrescriptionService.class).saveDraft(f.appointmentId(), PrescriptionFixtures.cardiology())),
            appointmentService("PrescriptionService.issue", EnumSet.of(Actor.DOCTOR), AuditAction.PRESCRIPTION_SAVED,
                    f -> f.bean(PrescriptionService.class).issue(f.inProgress(), PrescriptionFixtures.cardiology(), CallPhase.DURING_CALL)),
            appointmentService("PrescriptionService.correct", EnumSet.of(Actor.DOCTOR), AuditAction.PRESCRIPTION_SAVED,
                    f -> f.bean(PrescriptionService.class).correct(f.issuedPrescription(), PrescriptionFixtures.dermatology(), CallPhase.DURING_CALL)),
            appointmentService("PrescriptionService.read", PARTICIPANTS, AuditAction.PRESCRIPTION_READ,
                    f -> f.bean(PrescriptionService.class).read(f.issuedPrescription())),
            appointmentService("PrescriptionService.printable", PARTICIPANTS, AuditAction.PRESCRIPTION_PRINTED,
                    f -> f.bean(PrescriptionService.class).printable(f.issuedPrescription())),
            appointmentService("PrescriptionService.pdf", PARTICIPANTS, AuditAction.PRESCRIPTION_PRINTED,
                    f -> f.bean(PrescriptionService.class).pdf(f.issuedPrescription(), ZoneOffset.UTC)),
            appointmentService("PrescriptionService.earlierPrescriptions", EnumSet.of(Actor.DOCTOR), AuditAction.RECORD_VIEWED,
                    f -> f.bean(PrescriptionService.class).earlierPrescriptions(f.appointmentId())),
            service("PrescriptionService.myRecords", PATIENTS, AuditAction.RECORD_VIEWED,
                    f -> f.bean(PrescriptionService.class).myRecords()),
            // Both demo doctors have appointments with the case's patient; the other patient and the administrator have none.
            patientRecordService("PrescriptionService.patientRecord", PATIENT_AND_DOCTORS, AuditAction.RECORD_VIEWED,
                    f -> f.bean(PrescriptionService.class).patientRecord(f.patientProfileId())),
            appointmentService("FhirExportService.encounterEverything", PARTICIPANTS, AuditAction.RECORD_EXPORTED,
                    f -> f.bean(FhirExportService.class).encounterEverything(f.issuedPrescriptionsAppointment())),
            patientRecordService("FhirExportService.patientEverything", PATIENT_AND_DOCTORS, AuditAction.RECORD_EXPORTED,
                    f -> f.bean(FhirExportService.class).patientEverything(f.patientProfileId())),
            service("WorkingHoursService.hoursOf", EnumSet.of(Actor.DOCTOR, Actor.ADMIN), AuditAction.VIEW_OPENED,
                    f -> f.bean(WorkingHoursService.class).hoursOf(f.doctorProfileId())),
            service("WorkingHoursService.setHours", ADMIN_ONLY, AuditAction.ACCOUNT_CHANGED,
                    f -> f.bean(WorkingHoursService.class).setHours(f.newDoctor().getId(), mondaysNineToFive())),
            service("AccountAdministration.findPatients", ADMIN_ONLY, AuditAction.VIEW_OPENED,
                    f -> f.bean(AccountAdministration.class).findPatients(null, PageRequest.of(0, 10))),
            service("AccountAdministration.countPatients", ADMIN_ONLY, AuditAction.VIEW_OPENED,
                    f -> f.bean(AccountAdministration.class).countPatients(null)),
            service("AccountAdministration.activePatients", ADMIN_ONLY, AuditAction.VIEW_OPENED,
                    f -> f.bean(AccountAdministration.class).activePatients()),
            service("AccountAdministration.findDoctors", ADMIN_ONLY, AuditAction.VIEW_OPENED,
                    f -> f.bean(AccountAdministration.class).findDoctors(null, PageRequest.of(0, 10))),
            service("AccountAdministration.countDoctors", ADMIN_ONLY, AuditAction.VIEW_OPENED,
                    f -> f.bean(AccountAdministration.class).countDoctors(null)),
            service("AccountAdministration.activeDoctors", ADMIN_ONLY, AuditAction.VIEW_OPENED,
                    f -> f.bean(AccountAdministration.class).activeDoctors()),
            service("AccountAdministration.createDoctor", ADMIN_ONLY, AuditAction.ACCOUNT_CHANGED,
                    f -> f.bean(AccountAdministration.class).createDoctor(newDoctorDetails(), temporaryPassword())),
            service("AccountAdministration.updateDoctor", ADMIN_ONLY, AuditAction.ACCOUNT_CHANGED,
                    f -> f.bean(AccountAdministration.class).updateDoctor(f.newDoctor().getId(), newDoctorDetails())),
            service("AccountAdministration.createPatient", ADMIN_ONLY, AuditAction.ACCOUNT_CHANGED,
                    f -> f.bean(AccountAdministration.class).createPatient(newPatientDetails(), temporaryPassword())),
            service("AccountAdministration.updatePatient", ADMIN_ONLY, AuditAction.ACCOUNT_CHANGED,
                    f -> f.bean(AccountAdministration.class).updatePatient(f.newPatient().getId(), newPatientDetails())),
            service("AccountAdministration.deactivate", ADMIN_ONLY, AuditAction.ACCOUNT_CHANGED,
                    f -> f.bean(AccountAdministration.class).deactivate(f.newPatient().getAccount().getId())),
            service("AccountAdministration.reactivate", ADMIN_ONLY, AuditAction.ACCOUNT_CHANGED,
                    f -> f.bean(AccountAdministration.class).reactivate(f.newPatient().getAccount().getId())),
            service("AccountAdministration.resetPassword", ADMIN_ONLY, AuditAction.ACCOUNT_CHANGED,
                    f -> f.bean(AccountAdministration.class).resetPassword(f.newPatient().getAccount().getId(), temporaryPassword())),
            service("AccountService.resetPassword", ADMIN_ONLY, AuditAction.ACCOUNT_CHANGED,
                    f -> f.bean(AccountService.class).resetPassword(f.newPatient().getAccount().getId(), temporaryPassword())),
            service("AuditTrail.find", ADMIN_ONLY, AuditAction.VIEW_OPENED,
                    f -> f.bean(AuditTrail.class).find(AuditFilter.everything(), 0, 10)),
            service("AuditTrail.count", ADMIN_ONLY, AuditAction.VIEW_OPENED,
                    f -> f.bean(AuditTrail.class).count(AuditFilter.everything())),
            service("AuditTrail.patients", ADMIN_ONLY, AuditAction.VIEW_OPENED,
                    f -> f.bean(AuditTrail.class).patients()),
            service("AuditTrail.exportCsv", ADMIN_ONLY, AuditAction.AUDIT_EXPORTED,
                    f -> f.bean(AuditTrail.class).exportCsv(AuditFilter.everything(), new StringWriter())));

    static List<DayHours> mondaysNineToFive() {
        return List.of(new DayHours(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)));
    }

    static DoctorDetails newDoctorDetails() {
        String tag = UUID.randomUUID().toString();
        return new DoctorDetails("Matrix Doctor", "matrix-doctor-" + tag + "@example.com", "Cardiology", "MX-" + tag);
    }

    static PatientDetails newPatientDetails() {
        return new PatientDetails("Matrix Patient", "matrix-patient-" + UUID.randomUUID() + "@example.com", LocalDate.of(1980, 5, 6), null);
    }

    static String temporaryPassword() {
        return "matrix-Temp-Pass-" + UUID.randomUUID();
    }

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
    AuditEventRepository auditEvents;
    @Autowired
    Clock clock;

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
        if (route.contains("{prescription}")) {
            route = route.replace("{prescription}", Long.toString(fixture.issuedPrescription()));
        }
        String target = route;
        long lastEventBefore = lastEventId();
        signInAs(actor);

        Throwable thrown = catchThrowable(() -> UI.getCurrent().navigate(target));

        if (rule.allowed().contains(actor)) {
            assertThat(thrown).as(name).isNull();
            if (rule.view() != null) {
                _assertOne(rule.view().asSubclass(com.vaadin.flow.component.Component.class));
            }
            assertThat(_find(LoginView.class)).as(name + " stays signed in").isEmpty();
        } else {
            boolean refusedAtNavigation = thrown instanceof MockAccessDeniedException
                    || actor == Actor.ANONYMOUS && !_find(LoginView.class).isEmpty();
            boolean refusedByService = rule.recordRefusal() != null && thrown == null && !_find(NotAvailableView.class).isEmpty();
            assertThat(refusedAtNavigation || refusedByService).as(name + " is refused (thrown: " + thrown + ")").isTrue();
            if (rule.view() != null) {
                assertThat(_find(rule.view().asSubclass(com.vaadin.flow.component.Component.class))).as(name + " shows nothing").isEmpty();
            }
            if (refusedAtNavigation) {
                assertRefusalRecorded(name, actor, AuditAction.VIEW_OPENED, lastEventBefore, null, null);
            } else {
                assertRefusalRecorded(name, actor, rule.recordRefusal(), lastEventBefore, null, fixture.appointmentId());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceCases")
    void services(String name, ServiceRule rule, Actor actor) {
        Fixture fixture = freshFixture();
        long lastEventBefore = lastEventId();
        signInAs(actor);

        Throwable thrown = catchThrowable(() -> rule.call().run(fixture));

        if (rule.allowed().contains(actor)) {
            assertThat(thrown).as(name + " succeeds").isNull();
        } else {
            boolean refused = thrown instanceof NotFoundOrDeniedException || thrown instanceof AccessDeniedException;
            assertThat(refused).as(name + " is refused (thrown: " + thrown + ")").isTrue();
            Long recordId = rule.refusedRecord() == null ? null
                    : rule.refusedRecord().equals("appointment") ? fixture.appointmentId() : fixture.patientProfileId();
            assertRefusalRecorded(name, actor, rule.refusalAction(), lastEventBefore, rule.refusedRecord(), recordId);
        }
    }

    private void signInAs(Actor actor) {
        if (actor != Actor.ANONYMOUS) {
            signIn(actor.email);
        }
    }

    private void assertRefusalRecorded(String name, Actor actor, AuditAction action, long after, String recordType, Long recordId) {
        List<AuditEvent> refusals = auditEvents.findAll((root, query, cb) -> cb.and(
                        cb.greaterThan(root.get("id"), after),
                        cb.equal(root.get("outcome"), AuditOutcome.DENIED),
                        cb.equal(root.get("action"), action)),
                PageRequest.of(0, 50, Sort.by("id"))).getContent();
        assertThat(refusals).as(name + ": a DENIED " + action + " record by " + actor)
                .anyMatch(event -> Objects.equals(event.getActorEmail(), actor.email)
                        && (recordType == null || recordType.equals(event.getRecordType()))
                        && (recordId == null || recordId.equals(event.getRecordId())));
    }

    private long lastEventId() {
        return auditEvents.findAll((root, query, cb) -> cb.conjunction(), PageRequest.of(0, 1, Sort.by(Sort.Direction.DESC, "id")))
                .stream().findFirst().map(AuditEvent::getId).orElse(0L);
    }

    private PatientProfile patientProfile(Actor actor) {
        return patients.findByAccountId(accounts.findByEmail(actor.email).orElseThrow().getId()).orElseThrow();
    }

    private Fixture freshFixture() {
        var doctor = doctors.findByAccountId(accounts.findByEmail(Actor.DOCTOR.email).orElseThrow().getId()).orElseThrow();
        var patient = patientProfile(Actor.PATIENT);
        // Half-second starts never meet the whole-second slots of the demo clinic and other tests; the
        // microseconds keep each case's start later than the one before.
        Instant startsAt = clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(2))
                .plusMillis(500).plus(SLOT.incrementAndGet(), ChronoUnit.MICROS);
        Appointment appointment = appointments.save(new Appointment(doctor, patient, startsAt, Duration.ofMinutes(30), "Access matrix"));
        return new Fixture(appointment.getId(), doctor.getId(), patient.getId(), this);
    }
}
