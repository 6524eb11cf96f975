package com.mediscan.appointment.checkin;

import static com.mediscan.support.SecurityTestSupport.actAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.CheckIn.IdentityOutcome;
import com.mediscan.appointment.domain.ConsentAgreement;
import com.mediscan.appointment.domain.ConsentVersion;
import com.mediscan.appointment.service.CheckInCompleted;
import com.mediscan.appointment.service.CheckInDetails;
import com.mediscan.appointment.service.CheckInService;
import com.mediscan.appointment.service.CheckInStatus;
import com.mediscan.appointment.service.DoctorQueue;
import com.mediscan.appointment.service.LockedCheckIn;
import com.mediscan.appointment.service.PatientConsent;
import com.mediscan.appointment.service.TelehealthConsentService;
import com.mediscan.appointment.service.WaitingPatient;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEvent;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.base.InvalidFieldException;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.consultation.service.RoomBus;
import com.mediscan.consultation.service.RoomEvent;
import com.mediscan.consultation.service.RoomRegistry.Seat;
import com.mediscan.consultation.service.RoomRegistry;
import com.mediscan.support.ClinicFixtures;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.SecurityTestSupport;
import com.mediscan.support.TestCheckIns;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Telehealth consent and check-in on every supported database: consent versions kept and asked
 * again after a change, agreements recorded with who, when, where from and which version; identity
 * by date of birth with the lock after three wrong answers, which the clinic sees and which no record
 * of the answer betrays; the room refusing a patient who has not checked in; the doctor's queue;
 * and who may do what, each refusal audited. Each test uses a doctor and a patient of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CheckInServiceContract {

    private static final LocalDate WRONG_BIRTHDAY = LocalDate.of(1979, 12, 31);

    @Autowired
    TelehealthConsentService consent;
    @Autowired
    CheckInService checkIns;
    @Autowired
    DoctorQueue queue;
    @Autowired
    RoomRegistry rooms;
    @Autowired
    RoomBus roomBus;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    UserDetailsService users;
    @Autowired
    DataSource dataSource;
    @Autowired
    ApplicationContext context;
    @Autowired
    Clock clock;
    @Autowired
    TransactionTemplate transactions;
    @PersistenceContext
    EntityManager entityManager;

    private String databaseName;
    private DoctorProfile doctor;
    private PatientProfile patient;
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
    void ownAppointment() {
        ClinicFixtures fixtures = new ClinicFixtures(context);
        doctor = fixtures.newDoctor("Cardiology");
        patient = fixtures.newPatient();
        appointment = fixtures.appointment(doctor, patient, clock.instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120));
        roomEvents.clear();
        roomSubscription = roomBus.subscribe(appointment.getId(), roomEvents::add);
    }

    @AfterEach
    void signOut() throws Exception {
        roomSubscription.close();
        SecurityTestSupport.signOut();
    }

    private void asPatient() {
        actAs(users, patient.getAccount().getEmail());
    }

    private void asDoctor() {
        actAs(users, doctor.getAccount().getEmail());
    }

    private ConsentAgreement agreeToCurrent() {
        asPatient();
        return consent.agree(consent.awaitingAgreement().orElseThrow().getId());
    }

    private ConsentVersion publish(String text) {
        actAs(users, DemoUsers.ADMIN);
        ConsentVersion version = consent.publish(text);
        asPatient();
        return version;
    }

    private List<AuditEvent> auditOfThisAppointment() {
        return auditEvents.findAll((root, query, cb) -> cb.equal(root.get("patientAccountId"), patient.getAccount().getId()),
                PageRequest.of(0, 500, org.springframework.data.domain.Sort.by("id"))).getContent();
    }

    @Test
    void eachEditIsANewVersionOldOnesAreKeptAndPatientsAreAskedAgain() {
        ConsentVersion first = publish("First text of the consent.");
        ConsentAgreement agreed = agreeToCurrent();
        assertThat(agreed.getConsentVersion().getId()).isEqualTo(first.getId());
        assertThat(agreed.getPatientAccountId()).isEqualTo(patient.getAccount().getId());
        assertThat(agreed.getAgreedAt()).isNotNull();
        assertThat(agreed.getRemoteAddress()).isNotBlank();
        assertThat(consent.awaitingAgreement()).isEmpty();
        assertThat(consent.agree(first.getId()).getId()).as("agreeing twice keeps the first agreement").isEqualTo(agreed.getId());

        ConsentVersion second = publish("Second text of the consent.\n\nWith a new paragraph.");
        assertThat(second.getVersionNumber()).isEqualTo(first.getVersionNumber() + 1);
        assertThat(consent.awaitingAgreement()).map(ConsentVersion::getId).contains(second.getId());

        actAs(users, DemoUsers.ADMIN);
        List<ConsentVersion> versions = consent.versions();
        assertThat(versions.get(0).getId()).isEqualTo(second.getId());
        assertThat(versions).extracting(ConsentVersion::getBody).contains("First text of the consent.");
        PatientConsent seen = consent.patientsConsent(patient.getAccount().getEmail(), PageRequest.of(0, 10)).getFirst();
        assertThat(seen.versionNumber()).isEqualTo(first.getVersionNumber());
        assertThat(seen.current()).isFalse();
        assertThat(seen.agreedAt()).isEqualTo(agreed.getAgreedAt());

        asPatient();
        assertThatThrownBy(() -> consent.agree(first.getId())).isInstanceOf(BusinessRuleException.class);
        assertThat(auditOfThisAppointment()).anyMatch(event -> event.getAction() == AuditAction.CONSENT_AGREED
                && event.getOutcome() == AuditOutcome.DENIED);
        ConsentAgreement again = consent.agree(second.getId());
        assertThat(again.getConsentVersion().getVersionNumber()).isEqualTo(second.getVersionNumber());
        assertThat(auditOfThisAppointment()).filteredOn(event -> event.getAction() == AuditAction.CONSENT_AGREED
                && event.getOutcome() == AuditOutcome.ALLOWED).extracting(AuditEvent::getDetail)
                .containsExactly("agreed to version " + first.getVersionNumber(), "agreed to version " + second.getVersionNumber());
    }

    @Test
    void consentVersionsAndAgreementsCannotBeChangedOrRemoved() {
        ConsentVersion version = publish("A text nobody may rewrite.");
        agreeToCurrent();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        int rowsBefore = jdbc.queryForObject("select count(*) from consent_agreement", Integer.class);
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> entityManager
                .createNativeQuery("delete from consent_agreement").executeUpdate()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> entityManager
                .createNativeQuery("update consent_version set body = 'rewritten'").executeUpdate()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> entityManager
                .createQuery("delete from ConsentAgreement").executeUpdate()))
                .hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select count(*) from consent_agreement", Integer.class)).isEqualTo(rowsBefore);
        assertThat(jdbc.queryForObject("select body from consent_version where id = ?", String.class, version.getId()))
                .isEqualTo("A text nobody may rewrite.");
    }

    @Test
    void aCheckedInPatientEntersTheRoomAndTheDoctorSeesWhatTheyTold() {
        agreeToCurrent();
        assertThat(checkIns.confirmIdentity(appointment.getId(), patient.getDateOfBirth()).outcome()).isEqualTo(IdentityOutcome.CONFIRMED);
        CheckInStatus done = checkIns.complete(appointment.getId(),
                new CheckInDetails("IN", "IN-KA", "Hotel near the station", "Palpitations since Monday", "+91 98200 99887"));
        assertThat(done.ready()).isTrue();
        assertThat(roomEvents).anyMatch(CheckInCompleted.class::isInstance);

        Seat seat = rooms.enter(appointment, patient.getAccount().getId());
        asDoctor();
        CheckInStatus seen = checkIns.status(appointment.getId());
        assertThat(seen.identityConfirmed()).isTrue();
        assertThat(seen.consentVersionNumber()).isEqualTo(consent.current().orElseThrow().getVersionNumber());
        assertThat(seen.location()).isEqualTo("Karnataka, India");
        assertThat(seen.locationDetail()).isEqualTo("Hotel near the station");
        assertThat(seen.updatedReason()).isEqualTo("Palpitations since Monday");
        assertThat(seen.callbackPhone()).isEqualTo("+91 98200 99887");

        List<WaitingPatient> waiting = queue.waiting(LocalDate.ofInstant(appointment.getStartsAt(), ZoneOffset.UTC), ZoneOffset.UTC);
        assertThat(waiting).singleElement().satisfies(entry -> {
            assertThat(entry.appointmentId()).isEqualTo(appointment.getId());
            assertThat(entry.place()).isEqualTo("Karnataka, India");
            assertThat(entry.waitingSince()).isNotNull();
        });
        rooms.leave(seat);
        assertThat(queue.waiting(LocalDate.ofInstant(appointment.getStartsAt(), ZoneOffset.UTC), ZoneOffset.UTC)).isEmpty();
    }

    @Test
    void theRoomRefusesAPatientWhoHasNotCheckedInAndSaysWhy() {
        long patientAccount = patient.getAccount().getId();
        assertThatThrownBy(() -> rooms.enter(appointment, patientAccount))
                .isInstanceOf(BusinessRuleException.class).hasMessage(CheckInService.CHECK_IN_FIRST);
        assertThat(auditOfThisAppointment()).anyMatch(event -> event.getAction() == AuditAction.CHECK_IN
                && event.getOutcome() == AuditOutcome.DENIED && event.getDetail().startsWith("entering the room without"));

        Seat doctorsSeat = rooms.enter(appointment, doctor.getAccount().getId());
        assertThat(rooms.isCurrent(doctorsSeat)).as("the doctor needs no check-in").isTrue();
        rooms.leave(doctorsSeat);

        TestCheckIns.checkedIn(context, appointment);
        Seat patientsSeat = rooms.enter(appointment, patientAccount);
        rooms.leave(patientsSeat);

        publish("A changed consent text: the patient agrees again before entering.");
        assertThatThrownBy(() -> rooms.enter(appointment, patientAccount)).hasMessage(CheckInService.CHECK_IN_FIRST);
        agreeToCurrent();
        asPatient();
        assertThat(checkIns.status(appointment.getId()).ready()).as("check-in is once per appointment").isTrue();
        rooms.leave(rooms.enter(appointment, patientAccount));
    }

    @Test
    void threeWrongDatesOfBirthLockTheCheckInTellTheClinicAndNeverShowTheAnswer() {
        agreeToCurrent();
        assertThat(checkIns.confirmIdentity(appointment.getId(), WRONG_BIRTHDAY)).isEqualTo(
                new com.mediscan.appointment.service.IdentityCheck(IdentityOutcome.WRONG, 2));
        assertThat(checkIns.confirmIdentity(appointment.getId(), WRONG_BIRTHDAY.minusDays(1)).attemptsLeft()).isEqualTo(1);
        assertThat(checkIns.confirmIdentity(appointment.getId(), WRONG_BIRTHDAY.minusDays(2)).outcome()).isEqualTo(IdentityOutcome.LOCKED);
        assertThat(checkIns.confirmIdentity(appointment.getId(), patient.getDateOfBirth()).outcome())
                .as("the right answer does not open a locked check-in").isEqualTo(IdentityOutcome.LOCKED);
        assertThatThrownBy(() -> checkIns.complete(appointment.getId(), TestCheckIns.IN_MUMBAI)).hasMessage(CheckInService.LOCKED);
        assertThatThrownBy(() -> rooms.enter(appointment, patient.getAccount().getId())).hasMessage(CheckInService.LOCKED);
        assertThat(checkIns.status(appointment.getId()).locked()).isTrue();

        List<AuditEvent> trail = auditOfThisAppointment();
        assertThat(trail).filteredOn(event -> event.getAction() == AuditAction.CHECK_IN_LOCKED).singleElement()
                .satisfies(event -> assertThat(event.getRecordId()).isEqualTo(appointment.getId()));
        List<String> answers = List.of(WRONG_BIRTHDAY, WRONG_BIRTHDAY.minusDays(1), WRONG_BIRTHDAY.minusDays(2), patient.getDateOfBirth())
                .stream().flatMap(day -> java.util.stream.Stream.of(day.toString(), Integer.toString(day.getYear()),
                        "%02d.%02d".formatted(day.getDayOfMonth(), day.getMonthValue()),
                        "%d/%d".formatted(day.getMonthValue(), day.getDayOfMonth()))).toList();
        assertThat(trail).extracting(AuditEvent::getDetail).filteredOn(Objects::nonNull)
                .allSatisfy(detail -> assertThat(detail).doesNotContain(answers));

        actAs(users, DemoUsers.ADMIN);
        LockedCheckIn locked = checkIns.locked().stream().filter(entry -> entry.appointmentId() == appointment.getId())
                .findFirst().orElseThrow();
        assertThat(locked.patientName()).isEqualTo(patient.getDisplayName());
        checkIns.unlock(locked.checkInId());
        assertThat(checkIns.locked()).noneMatch(entry -> entry.appointmentId() == appointment.getId());

        asPatient();
        assertThat(checkIns.confirmIdentity(appointment.getId(), patient.getDateOfBirth()).outcome()).isEqualTo(IdentityOutcome.CONFIRMED);
        assertThat(checkIns.complete(appointment.getId(), TestCheckIns.IN_MUMBAI).ready()).isTrue();
    }

    @Test
    void badAnswersAreRefusedWithAMessageForTheirFieldAndChangeNothing() {
        agreeToCurrent();
        checkIns.confirmIdentity(appointment.getId(), patient.getDateOfBirth());
        assertThatThrownBy(() -> checkIns.complete(appointment.getId(), new CheckInDetails(null, null, null, null, null)))
                .isInstanceOfSatisfying(InvalidFieldException.class, refused -> assertThat(refused.field()).isEqualTo(CheckInDetails.COUNTRY));
        assertThatThrownBy(() -> checkIns.complete(appointment.getId(), new CheckInDetails("XX", null, null, null, null)))
                .isInstanceOfSatisfying(InvalidFieldException.class, refused -> assertThat(refused.field()).isEqualTo(CheckInDetails.COUNTRY));
        assertThatThrownBy(() -> checkIns.complete(appointment.getId(), new CheckInDetails("IN", "US-CA", null, null, null)))
                .isInstanceOfSatisfying(InvalidFieldException.class, refused -> assertThat(refused.field()).isEqualTo(CheckInDetails.REGION));
        assertThatThrownBy(() -> checkIns.complete(appointment.getId(), new CheckInDetails("IN", "IN-MH", "x".repeat(201), null, null)))
                .isInstanceOfSatisfying(InvalidFieldException.class, refused -> assertThat(refused.field()).isEqualTo(CheckInDetails.LOCATION_DETAIL));
        assertThatThrownBy(() -> checkIns.complete(appointment.getId(), new CheckInDetails("IN", "IN-MH", null, null, "call me")))
                .isInstanceOfSatisfying(InvalidFieldException.class, refused -> assertThat(refused.field()).isEqualTo(CheckInDetails.CALLBACK_PHONE));
        assertThat(checkIns.status(appointment.getId()).completed()).isFalse();

        CheckInStatus done = checkIns.complete(appointment.getId(), new CheckInDetails("FR", "FR-75", "Paris", appointment.getReason(), null));
        assertThat(done.location()).as("a country without a region list keeps no region").isEqualTo("France");
        assertThat(done.updatedReason()).as("an unchanged reason is no update").isNull();
    }

    @Test
    void onlyTheAppointmentsPatientChecksInAndEachRefusalIsAudited() {
        asDoctor();
        assertThatThrownBy(() -> checkIns.confirmIdentity(appointment.getId(), patient.getDateOfBirth()))
                .isInstanceOf(NotFoundOrDeniedException.class);
        actAs(users, DemoUsers.ARJUN);
        assertThatThrownBy(() -> checkIns.status(appointment.getId())).isInstanceOf(NotFoundOrDeniedException.class);
        assertThatThrownBy(() -> checkIns.complete(appointment.getId(), TestCheckIns.IN_MUMBAI)).isInstanceOf(NotFoundOrDeniedException.class);
        assertThatThrownBy(() -> consent.publish("A patient's own consent text")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> checkIns.locked()).isInstanceOf(AccessDeniedException.class);
        asDoctor();
        assertThatThrownBy(() -> consent.awaitingAgreement()).isInstanceOf(AccessDeniedException.class);

        assertThat(auditOfThisAppointment()).filteredOn(event -> event.getOutcome() == AuditOutcome.DENIED)
                .extracting(AuditEvent::getActorEmail)
                .contains(doctor.getAccount().getEmail(), DemoUsers.ARJUN);
        assertThat(auditEvents.findByActorEmailOrderByIdAsc(DemoUsers.ARJUN)).anyMatch(event -> event.getAction() == AuditAction.CONSENT_CHANGED
                && event.getOutcome() == AuditOutcome.DENIED);
    }
}
