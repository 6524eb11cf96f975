package com.mediscan.consultation.service.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.account.domain.UserAccountRepository;
import com.mediscan.appointment.domain.Appointment;
import com.mediscan.appointment.service.CheckInCompleted;
import com.mediscan.attachment.domain.StoredType;
import com.mediscan.attachment.service.AttachmentAddedToRecord;
import com.mediscan.attachment.service.AttachmentEntry;
import com.mediscan.attachment.service.AttachmentPosted;
import com.mediscan.chat.service.ChatEntry;
import com.mediscan.chat.service.ChatMessagePosted;
import com.mediscan.chat.service.ChatTyping;
import com.mediscan.consultation.service.CallEnded;
import com.mediscan.consultation.service.CallStarted;
import com.mediscan.consultation.service.PresenceChanged;
import com.mediscan.prescription.service.PrescriptionIssued;
import com.mediscan.consultation.service.CallSignal;
import com.mediscan.consultation.service.RoomBus;
import com.mediscan.consultation.service.RoomEvent;
import com.mediscan.consultation.service.RoomAdmission;
import com.mediscan.consultation.service.RoomRegistry;
import com.mediscan.consultation.service.RoomRegistry.Seat;
import com.mediscan.consultation.service.RoomResync;
import com.mediscan.consultation.service.SeatLost;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.MediScanSpringTest;
import com.mediscan.support.PostgresDatabase;
import com.mediscan.support.TestAppointments;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two nodes' room buses and seat stores on one real PostgreSQL: the application context is node
 * A; node B is a second bus, with its own listening connection, and a second registry on the
 * same database.
 */
@MediScanSpringTest
@EnabledIf("com.mediscan.support.PostgresDatabase#isReachable")
class ClusterRoomsTest {

    private static final String NODE_B = "test-node-b";

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresDatabase.register(registry, "mediscan_cluster");
    }

    @Autowired
    RoomBus busA;
    @Autowired
    RoomRegistry roomsA;
    @Autowired
    DataSource dataSource;
    @Autowired
    DataSourceProperties database;
    @Autowired
    UserAccountRepository accounts;
    @Autowired
    Clock clock;
    @Autowired
    ApplicationContext context;

    private PostgresRoomBus busB;
    private RoomRegistry roomsB;
    private JdbcTemplate jdbc;
    private Appointment appointment;
    private final BlockingQueue<RoomEvent> heardOnB = new LinkedBlockingQueue<>();
    private AutoCloseable listeningOnB;

    @BeforeEach
    void startNodeB() throws Exception {
        jdbc = new JdbcTemplate(dataSource);
        busB = new PostgresRoomBus(dataSource, () -> DriverManager.getConnection(database.determineUrl(), listenerProperties()),
                NODE_B, new SimpleMeterRegistry());
        assertThat(busB.awaitListening(Duration.ofSeconds(10))).isTrue();
        roomsB = new RoomRegistry(new SharedSeatStore(jdbc, NODE_B), busB, clock, context.getBean(RoomAdmission.class),
                new SimpleMeterRegistry());
        jdbc.update("insert into cluster_node (node_id, started_at, heartbeat_at) values (?, now(), now())", NODE_B);
        appointment = TestAppointments.checkedInNow(context, DemoUsers.RAJESH, DemoUsers.KRIYA);
        listeningOnB = busB.subscribe(appointment.getId(), heardOnB::add);
    }

    @AfterEach
    void stopNodeB() throws Exception {
        listeningOnB.close();
        busB.close();
        jdbc.update("delete from room_seat where node_id = ?", NODE_B);
        jdbc.update("delete from cluster_node where node_id = ?", NODE_B);
    }

    private Properties listenerProperties() {
        Properties properties = new Properties();
        properties.setProperty("user", database.determineUsername());
        properties.setProperty("password", database.determinePassword() == null ? "" : database.determinePassword());
        properties.setProperty("ApplicationName", "mediscan room bus " + NODE_B);
        return properties;
    }

    private long account(String email) {
        return accounts.findByEmail(email).orElseThrow().getId();
    }

    private <T extends RoomEvent> T nextOnB(Class<T> type) throws InterruptedException {
        return next(heardOnB, type);
    }

    @Test
    void eventsOfEveryFeatureCrossInTheOrderTheyWerePublished() throws InterruptedException {
        int burst = 300;
        for (int i = 0; i < burst; i++) {
            busA.publish(new CallSignal(appointment.getId(), 1, "seat-a", "seat-b", Integer.toString(i)));
        }
        for (int i = 0; i < burst; i++) {
            assertThat(nextOnB(CallSignal.class).payload()).isEqualTo(Integer.toString(i));
        }
        ChatEntry message = new ChatEntry(42, UUID.randomUUID(), appointment.getId(), account(DemoUsers.KRIYA), "Kriya Mehta",
                false, "Namaste, ça va? 🙂", Instant.now().truncatedTo(ChronoUnit.MICROS));
        AttachmentEntry photo = new AttachmentEntry(9, UUID.randomUUID(), appointment.getId(), account(DemoUsers.KRIYA),
                "Kriya Mehta", false, "rash.jpg", StoredType.JPEG, 183_000, "ab".repeat(32), 1280, 720,
                Instant.parse("2026-12-01T09:30:30Z"), null);
        List<RoomEvent> ofEveryKind = List.of(new ChatMessagePosted(message),
                new AttachmentPosted(photo),
                new AttachmentAddedToRecord(photo, account(DemoUsers.RAJESH), "Dr. Rajesh Patel"),
                new CheckInCompleted(appointment.getId(), account(DemoUsers.KRIYA)),
                new ChatTyping(appointment.getId(), account(DemoUsers.KRIYA), "Kriya Mehta"),
                new PresenceChanged(appointment.getId(), account(DemoUsers.RAJESH)),
                new CallStarted(appointment.getId(), account(DemoUsers.RAJESH), Instant.parse("2026-12-01T09:30:00.123456Z")),
                new PrescriptionIssued(appointment.getId(), account(DemoUsers.RAJESH), 7, 2, "Dr. Rajesh Patel"),
                new CallEnded(appointment.getId(), account(DemoUsers.KRIYA), null, Instant.parse("2026-12-01T09:31:00Z"), false),
                new SeatLost(appointment.getId(), account(DemoUsers.KRIYA)));
        ofEveryKind.forEach(busA::publish);
        for (RoomEvent event : ofEveryKind) {
            assertThat(nextOnB(event.getClass())).isEqualTo(event);
        }
    }

    /** Prints the delivery latency between the two nodes: one event at a time, each published once the last arrived. */
    @Test
    void deliveryLatencyBetweenTwoNodes() throws InterruptedException {
        int count = 200;
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long publishedAt = System.nanoTime();
            busA.publish(new CallSignal(appointment.getId(), 1, "seat-a", "seat-b", "ping " + i));
            assertThat(nextOnB(CallSignal.class).payload()).isEqualTo("ping " + i);
            micros.add((System.nanoTime() - publishedAt) / 1_000);
        }
        Collections.sort(micros);
        System.out.printf("[cluster bus] %d events node A → node B, one at a time: delivery p50 %.2f ms, p99 %.2f ms%n",
                count, micros.get(count / 2) / 1000.0, micros.get(count * 99 / 100 - 1) / 1000.0);
    }

    @Test
    void anEventTooLargeForANotificationGoesThroughTheOverflowTable() throws InterruptedException {
        Integer overflowBefore = jdbc.queryForObject("select count(*) from room_event_overflow", Integer.class);
        // Under 5,000 characters, but over 13,000 bytes in UTF-8: PostgreSQL would refuse it as a payload.
        String chat = "नमस्ते ".repeat(700);
        assertThat(chat.length()).isLessThan(5_000);
        busA.publish(new CallSignal(appointment.getId(), 1, "seat-a", "seat-b", chat));
        String large = "v=0 ".repeat(6_000);
        busA.publish(new CallSignal(appointment.getId(), 1, "seat-a", "seat-b", large));
        assertThat(nextOnB(CallSignal.class).payload()).isEqualTo(chat);
        assertThat(nextOnB(CallSignal.class).payload()).isEqualTo(large);
        assertThat(jdbc.queryForObject("select count(*) from room_event_overflow", Integer.class)).isEqualTo(overflowBefore + 2);
    }

    @Test
    void aKilledListeningConnectionIsReopenedAndTheRoomsResynchronise() throws InterruptedException {
        Integer killed = jdbc.queryForObject(
                "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = ?",
                Integer.class, "mediscan room bus " + NODE_B);
        assertThat(killed).isEqualTo(1);

        assertThat(nextOnB(RoomResync.class).appointmentId()).isEqualTo(appointment.getId());
        assertThat(busB.isListening()).isTrue();
        busA.publish(new CallSignal(appointment.getId(), 1, "seat-a", "seat-b", "after the reconnect"));
        assertThat(nextOnB(CallSignal.class).payload()).isEqualTo("after the reconnect");
    }

    @Test
    void participantsOnTwoNodesShareTheRoomAndANewerWindowTakesTheSeatOver() throws InterruptedException {
        long doctor = account(DemoUsers.RAJESH);
        long patient = account(DemoUsers.KRIYA);
        Seat doctorOnA = roomsA.enter(appointment, doctor);
        Seat patientOnB = roomsB.enter(appointment, patient);

        assertThat(roomsA.peerOf(doctorOnA)).hasValueSatisfying(peer -> assertThat(peer.seat()).isEqualTo(patientOnB));
        assertThat(roomsB.peerOf(patientOnB)).hasValueSatisfying(peer -> assertThat(peer.seat()).isEqualTo(doctorOnA));
        assertThat(roomsB.relay(patientOnB, "offer")).isEqualTo(RoomRegistry.RelayOutcome.RELAYED);

        Seat doctorOnB = roomsB.enter(appointment, doctor);
        assertThat(roomsA.isCurrent(doctorOnA)).isFalse();
        assertThat(roomsA.relay(doctorOnA, "stale window")).isEqualTo(RoomRegistry.RelayOutcome.NOT_IN_ROOM);
        assertThat(roomsB.peerOf(patientOnB)).hasValueSatisfying(peer -> assertThat(peer.seat()).isEqualTo(doctorOnB));
        roomsA.leave(doctorOnA);
        assertThat(roomsB.isCurrent(doctorOnB)).isTrue();
        roomsB.leave(doctorOnB);
        roomsB.leave(patientOnB);
    }

    @Test
    void aSignalToAWindowOfTheSameNodeStaysOnItAndOneToAnotherNodeCrosses() throws Exception {
        long doctor = account(DemoUsers.RAJESH);
        long patient = account(DemoUsers.KRIYA);
        BlockingQueue<RoomEvent> heardOnA = new LinkedBlockingQueue<>();
        try (AutoCloseable listeningOnA = busA.subscribe(appointment.getId(), heardOnA::add)) {
            Seat doctorOnA = roomsA.enter(appointment, doctor);
            Seat patientOnA = roomsA.enter(appointment, patient);

            assertThat(roomsA.relay(doctorOnA, "offer on node A")).isEqualTo(RoomRegistry.RelayOutcome.RELAYED);
            assertThat(next(heardOnA, CallSignal.class)).satisfies(signal -> {
                assertThat(signal.payload()).isEqualTo("offer on node A");
                assertThat(signal.recipientSeatId()).isEqualTo(patientOnA.id());
            });
            // Node B hears events in the order they were published: a marker after the signal comes with nothing before it that is one.
            CallStarted marker = new CallStarted(appointment.getId(), doctor, Instant.parse("2026-12-01T09:30:00Z"));
            busA.publish(marker);
            assertThat(untilOnB(marker)).noneMatch(CallSignal.class::isInstance);

            Seat patientOnB = roomsB.enter(appointment, patient);
            assertThat(roomsA.relay(doctorOnA, "answer me on node B")).isEqualTo(RoomRegistry.RelayOutcome.RELAYED);
            assertThat(nextOnB(CallSignal.class)).satisfies(signal -> {
                assertThat(signal.payload()).isEqualTo("answer me on node B");
                assertThat(signal.recipientSeatId()).isEqualTo(patientOnB.id());
            });
            roomsA.leave(doctorOnA);
            roomsA.leave(patientOnA);
            roomsB.leave(patientOnB);
        }
    }

    private static <T extends RoomEvent> T next(BlockingQueue<RoomEvent> heard, Class<T> type) throws InterruptedException {
        while (true) {
            RoomEvent event = heard.poll(30, TimeUnit.SECONDS);
            assertThat(event).as("a %s", type.getSimpleName()).isNotNull();
            if (type.isInstance(event)) {
                return type.cast(event);
            }
        }
    }

    /** What node B heard before {@code marker}. */
    private List<RoomEvent> untilOnB(RoomEvent marker) throws InterruptedException {
        List<RoomEvent> before = new ArrayList<>();
        while (true) {
            RoomEvent event = heardOnB.poll(30, TimeUnit.SECONDS);
            assertThat(event).as("the marker %s on node B", marker).isNotNull();
            if (event.equals(marker)) {
                return before;
            }
            before.add(event);
        }
    }

    @Test
    void theSurvivorsReleaseTheSeatsOfANodeThatStopsRenewingItsLease() throws InterruptedException {
        long doctor = account(DemoUsers.RAJESH);
        long patient = account(DemoUsers.KRIYA);
        Seat patientOnA = roomsA.enter(appointment, patient);
        Seat doctorOnB = roomsB.enter(appointment, doctor);
        assertThat(roomsA.peerOf(patientOnA)).isPresent();

        // Node B dies: its heartbeat row stops being renewed.
        long diedAt = System.nanoTime();
        SeatLost lost = nextOnB(SeatLost.class);
        // (node B's bus still listens here, so it hears what node A's sweep tells every node)
        long releasedAfterMillis = (System.nanoTime() - diedAt) / 1_000_000;

        assertThat(lost.senderAccountId()).isEqualTo(doctor);
        assertThat(roomsA.peerOf(patientOnA)).isEmpty();
        assertThat(roomsA.isCurrent(patientOnA)).isTrue();
        assertThat(roomsB.isCurrent(doctorOnB)).isFalse();
        System.out.printf("[cluster seats] a dead node's seat released after %d ms (lease 10 s, sweep every 2 s)%n", releasedAfterMillis);
        roomsA.leave(patientOnA);
    }
}
