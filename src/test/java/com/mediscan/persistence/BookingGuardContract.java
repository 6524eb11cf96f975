package com.mediscan.persistence;

import static com.mediscan.support.SecurityTestSupport.actAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.account.domain.DoctorProfile;
import com.mediscan.account.domain.PatientProfile;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.domain.AppointmentRepository;
import com.mediscan.appointment.service.AppointmentService;
import com.mediscan.appointment.service.WorkingHoursService;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.base.BusinessRuleException;
import com.mediscan.support.ClinicFixtures;
import com.mediscan.support.SecurityTestSupport;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * No double booking, on every supported database: the service refuses a taken or overlapping
 * time, and when two bookings race past that check the database's unique slot constraints
 * refuse the second, which the service turns into a clear message. Subclasses pick the
 * database and say how to see one session waiting for another's lock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BookingGuardContract {

    private static final String DOCTOR_BUSY_SUFFIX = " already has an appointment at that time. Choose another time.";

    @Autowired
    AppointmentService service;
    @Autowired
    WorkingHoursService workingHours;
    @Autowired
    AppointmentRepository appointments;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    UserDetailsService users;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationContext context;

    private ClinicFixtures fixtures;
    private JdbcTemplate jdbc;
    private String databaseName;
    private String raceReport = "no race run";
    private DoctorProfile doctor;
    private PatientProfile kriya;
    private PatientProfile arjun;
    private Instant slot;

    /** SQL giving the current session's id, as {@link #waitingOnSql()} names it. */
    abstract String sessionIdSql();

    /** SQL counting sessions blocked by the session whose id is its one parameter. */
    abstract String waitingOnSql();

    @BeforeAll
    void identifyDatabase() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            databaseName = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        }
    }

    @AfterAll
    void reportDatabase() {
        System.out.println("[database tests] " + getClass().getSimpleName() + " ran on " + databaseName + "; " + raceReport);
    }

    @BeforeEach
    void freshPeople() {
        fixtures = new ClinicFixtures(context);
        jdbc = new JdbcTemplate(dataSource);
        doctor = fixtures.newDoctor("Booking guard medicine");
        kriya = fixtures.newPatient();
        arjun = fixtures.newPatient();
        LocalDate day = LocalDate.ofInstant(clock.instant(), workingHours.clinicZone()).plusDays(10);
        slot = day.atTime(ClinicFixtures.OPENS).plusHours(2).atZone(workingHours.clinicZone()).toInstant();
    }

    @AfterEach
    void signOut() {
        SecurityTestSupport.signOut();
    }

    private Appointment bookAs(PatientProfile patient, DoctorProfile with, Instant startsAt) {
        actAs(users, patient.getAccount().getEmail());
        return service.book(with.getId(), startsAt, "Guard test");
    }

    @Test
    void aTakenSlotIsRefusedWithAClearMessageAndTheRefusalIsAudited() {
        bookAs(kriya, doctor, slot);
        assertThatThrownBy(() -> bookAs(arjun, doctor, slot))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage(doctor.getDisplayName() + DOCTOR_BUSY_SUFFIX);
        assertThat(auditEvents.findByActorEmailOrderByIdAsc(arjun.getAccount().getEmail()))
                .anyMatch(event -> event.getAction() == AuditAction.APPOINTMENT_CHANGED && event.getOutcome() == AuditOutcome.DENIED
                        && (doctor.getDisplayName() + DOCTOR_BUSY_SUFFIX).equals(event.getDetail()));
        assertThat(holdersOf(doctor, slot)).isEqualTo(1);
    }

    @Test
    void aPatientCannotBeWithTwoDoctorsAtOnce() {
        DoctorProfile another = fixtures.newDoctor("Booking guard medicine");
        bookAs(kriya, doctor, slot);
        assertThatThrownBy(() -> bookAs(kriya, another, slot))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage("You already have an appointment at that time. Choose another time.");
    }

    @Test
    void anOverlapWithADifferentStartIsRefusedToo() {
        fixtures.appointment(doctor, arjun, slot.plus(Duration.ofMinutes(10)));
        assertThatThrownBy(() -> bookAs(kriya, doctor, slot))
                .hasMessage(doctor.getDisplayName() + DOCTOR_BUSY_SUFFIX);
        assertThat(bookAs(kriya, doctor, slot.plus(Duration.ofMinutes(60))).getId()).isNotNull();
    }

    @Test
    void freeSlotsLeaveOutWhatIsTaken() {
        LocalDate day = LocalDate.ofInstant(slot, workingHours.clinicZone());
        actAs(users, arjun.getAccount().getEmail());
        assertThat(service.freeSlots(doctor.getId(), day, workingHours.clinicZone())).contains(slot);
        bookAs(kriya, doctor, slot);
        actAs(users, arjun.getAccount().getEmail());
        assertThat(service.freeSlots(doctor.getId(), day, workingHours.clinicZone())).doesNotContain(slot)
                .contains(slot.plus(Duration.ofMinutes(30)));
    }

    @Test
    void cancellingFreesTheSlotForSomeoneElse() {
        Appointment first = bookAs(kriya, doctor, slot);
        service.cancel(first.getId());
        assertThat(bookAs(arjun, doctor, slot).getPatient().getId()).isEqualTo(arjun.getId());
        assertThat(holdersOf(doctor, slot)).isEqualTo(1);
    }

    @Test
    void reschedulingIntoATakenSlotIsRefused() {
        bookAs(kriya, doctor, slot);
        Appointment arjuns = bookAs(arjun, doctor, slot.plus(Duration.ofHours(1)));
        assertThatThrownBy(() -> service.reschedule(arjuns.getId(), slot))
                .isInstanceOf(BusinessRuleException.class)
                .hasMessage(doctor.getDisplayName() + DOCTOR_BUSY_SUFFIX);
        assertThat(fixtures.reload(arjuns).getStartsAt()).isEqualTo(slot.plus(Duration.ofHours(1)));
    }

    /**
     * A booking the service could not see yet (another transaction holds it uncommitted) reaches
     * the database, which refuses it once the other commits; the person reads a clear message.
     */
    @Test
    void theDatabaseRefusesWhatTheServiceCouldNotSeeAndTheMessageStaysClear() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Long> holderSession = new CompletableFuture<>();
            TransactionTemplate holding = new TransactionTemplate(transactionManager);
            holding.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            Future<?> holder = threads.submit(() -> holding.executeWithoutResult(status -> {
                appointments.saveAndFlush(new Appointment(doctor, arjun, slot, Duration.ofMinutes(30), "Held, not yet committed"));
                holderSession.complete(jdbc.queryForObject(sessionIdSql(), Long.class));
                awaitQuietly(release);
            }));
            long session = holderSession.get(60, TimeUnit.SECONDS);

            Future<Object> booking = threads.submit(() -> outcomeOf(() -> bookAs(kriya, doctor, slot)));
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!booking.isDone() && jdbc.queryForObject(waitingOnSql(), Long.class, session) == 0) {
                assertThat(System.nanoTime()).as("the booking neither finished nor waited for the held row").isLessThan(giveUp);
                Thread.sleep(10);
            }
            release.countDown();
            holder.get(60, TimeUnit.SECONDS);

            assertThat(booking.get(60, TimeUnit.SECONDS)).isEqualTo(AppointmentService.SLOT_JUST_TAKEN);
            assertThat(holdersOf(doctor, slot)).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void ofManySimultaneousBookingsOfOneSlotExactlyOneWins() throws Exception {
        int contenders = 6;
        List<PatientProfile> patients = new ArrayList<>();
        for (int i = 0; i < contenders; i++) {
            patients.add(fixtures.newPatient());
        }
        ExecutorService threads = Executors.newFixedThreadPool(contenders);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> outcomes = new ArrayList<>();
            for (PatientProfile patient : patients) {
                outcomes.add(threads.submit(() -> {
                    actAs(users, patient.getAccount().getEmail());
                    awaitQuietly(go);
                    return outcomeOf(() -> service.book(doctor.getId(), slot, "Race"));
                }));
            }
            go.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<Object> outcome : outcomes) {
                results.add(outcome.get(120, TimeUnit.SECONDS));
            }
            long won = results.stream().filter(Appointment.class::isInstance).count();
            long byDatabase = results.stream().filter(AppointmentService.SLOT_JUST_TAKEN::equals).count();
            long byService = results.stream().filter((doctor.getDisplayName() + DOCTOR_BUSY_SUFFIX)::equals).count();
            raceReport = contenders + " simultaneous bookings: " + won + " booked, " + byService + " refused by the service's check, "
                    + byDatabase + " by the database constraint";
            assertThat(won).isEqualTo(1);
            assertThat(byDatabase + byService).as("every loser got one of the two clear messages: " + results)
                    .isEqualTo(contenders - 1);
            assertThat(holdersOf(doctor, slot)).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }

    /** The booked appointment, or the refusal's message. */
    private static Object outcomeOf(java.util.function.Supplier<Appointment> booking) {
        try {
            return booking.get();
        } catch (BusinessRuleException refused) {
            return refused.getMessage();
        } finally {
            SecurityTestSupport.signOut();
        }
    }

    private long holdersOf(DoctorProfile owner, Instant startsAt) {
        return appointments.findDoctorSlotsStartingBetween(owner.getId(), startsAt, startsAt.plusSeconds(1)).size();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
