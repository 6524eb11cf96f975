package com.mediscan.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.load.LoadClinic.Room;
import com.mediscan.load.LoadMetrics.Kind;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How many consultations one MediScan node carries: {@code ./mvnw verify -Pload -Dload.rooms=N}
 * (README "Capacity"). Starts the production jar on a fresh PostgreSQL database (or uses
 * {@code -Dload.url}), creates N doctors, N patients and N appointments as the administrator, then
 * ramps up N rooms in which both participants sign in, join, negotiate, chat and signal through
 * MediScan's real views over Vaadin's protocol ({@link Participant}), holds a measured plateau and
 * prints latencies, heap, CPU and every error. Fails when any error occurred.
 */
class ConsultationLoad {

    private static final Duration STATE_EVERY = Duration.ofSeconds(5);
    private static final Duration CHAT_EVERY = Duration.ofSeconds(20);
    private static final Duration TYPING_TIME = Duration.ofSeconds(3);
    private static final Duration LOST_AFTER = Duration.ofSeconds(15);

    private final int rooms = Integer.getInteger("load.rooms", 100);
    private final Duration ramp = Duration.ofSeconds(Long.getLong("load.ramp", Math.max(10, rooms * 2L / 5)));
    private final Duration plateau = Duration.ofSeconds(Long.getLong("load.plateau", 60));
    /** Unmeasured time between the ramp and the plateau, for the node to work off the ramp's sign-ins. */
    private final Duration settle = Duration.ofSeconds(Long.getLong("load.settle", 0));
    /** People leave over this time after the plateau, as they came, not all in one instant. */
    private final Duration rampDown = Duration.ofSeconds(Long.getLong("load.ramp-down", Math.max(10, rooms / 25)));
    private final Duration heartbeatEvery = Duration.ofSeconds(Long.getLong("load.heartbeat", 300));
    private final String dbUser = System.getProperty("load.db-user", "postgres");
    private final String dbPassword = System.getProperty("load.db-password", "");

    private final LoadErrors errors = new LoadErrors();
    private final LoadMetrics metrics = new LoadMetrics();
    private final AtomicInteger inCall = new AtomicInteger();
    private final AtomicInteger failedBeforeCall = new AtomicInteger();
    private final AtomicInteger quietRooms = new AtomicInteger();
    /** The plateau is over: nobody sends any more, and what is on its way still arrives (or is counted lost). */
    private volatile boolean quiet;
    /** The heap was measured: the rooms close in turn. */
    private volatile boolean stopping;
    private volatile long stoppedAtNanos;

    @Test
    void consultationsOnOneNode() throws Exception {
        String loadBefore = loadAverage();
        try (NodeUnderLoad node = node()) {
            String adminEmail = System.getProperty("load.admin-email", "load-admin@load.test");
            String adminPassword = System.getProperty("load.admin-password", "load admin password 2026");
            long setupStarted = System.nanoTime();
            List<Room> clinic = LoadClinic.create(node.jdbcUrl, dbUser, dbPassword, adminEmail, adminPassword, rooms);
            HttpClient http = ProtocolSession.sharedClient();
            List<Participant[]> pairs = new ArrayList<>();
            for (int i = 0; i < clinic.size(); i++) {
                pairs.add(new Participant[] {
                        new Participant(clinic.get(i).doctor().name(), true, new ProtocolSession(node.url, http, errors, "doctor " + (i + 1)), metrics),
                        new Participant(clinic.get(i).patient().name(), false, new ProtocolSession(node.url, http, errors, "patient " + (i + 1)), metrics)});
            }
            firstSignIns(clinic, pairs);
            Duration setup = Duration.ofNanos(System.nanoTime() - setupStarted);
            progress("set-up done in %.0f s; ramping up %d rooms over %d s", setup.toMillis() / 1000.0, rooms, ramp.toSeconds());
            long heapBefore = node.isMeasurable() ? node.liveHeapBytes() : -1;

            try (ExecutorService people = Executors.newVirtualThreadPerTaskExecutor()) {
                long rampStarted = System.nanoTime();
                for (int index = 0; index < clinic.size(); index++) {
                    int i = index;
                    Room room = clinic.get(i);
                    long startAt = rampStarted + ramp.toNanos() * i / clinic.size();
                    Participant doctor = pairs.get(i)[0];
                    Participant patient = pairs.get(i)[1];
                    people.submit(() -> {
                        sleepUntil(startAt);
                        runRoom(room, i, doctor, patient);
                        return null;
                    });
                }
                awaitRamp(rampStarted);
                Duration rampTook = Duration.ofNanos(System.nanoTime() - rampStarted);

                progress("ramp over after %.0f s, %d rooms in call; %d s unmeasured, then a plateau of %d s", rampTook.toMillis() / 1000.0,
                        inCall.get(), settle.toSeconds(), plateau.toSeconds());
                Thread.sleep(settle.toMillis());
                metrics.measuring = true;
                CpuShares cpuBefore = CpuShares.now(node.pid());
                long plateauStarted = System.nanoTime();
                Thread.sleep(plateau.toMillis());
                CpuShares cpu = CpuShares.now(node.pid()).since(cpuBefore);
                double plateauSeconds = (System.nanoTime() - plateauStarted) / 1e9;
                metrics.measuring = false;
                progress("plateau over; the rooms go quiet");
                int participantsAtPlateau = 2 * inCall.get();
                // The heap is measured with every room still open but nothing on its way: the full collections
                // stop the node for seconds, and messages sent just before them could arrive late enough to count as lost.
                long heapAtPlateau;
                String histogram;
                int threads;
                try {
                    quiet = true;
                    awaitQuietRooms();
                    String fullHistogram = node.isMeasurable() ? node.classHistogram() : "";
                    heapAtPlateau = node.isMeasurable() ? NodeUnderLoad.liveBytes(fullHistogram) : -1;
                    histogram = topClasses(fullHistogram, 12);
                    threads = node.isMeasurable() ? node.threads().orElse(-1) : -1;
                } finally {
                    stoppedAtNanos = System.nanoTime();
                    stopping = true; // the rooms wait for it to leave
                }
                people.shutdown();
                if (!people.awaitTermination(rampDown.toSeconds() + 120, TimeUnit.SECONDS)) {
                    errors.record("driver", "run", "participants did not stop within 2 minutes of the ramp-down");
                }
                report(node, setup, rampTook, plateauSeconds, participantsAtPlateau, heapBefore, heapAtPlateau, cpu, threads,
                        histogram, loadBefore);
            }
            if (errors.total() > 0 && node.log() != null) {
                System.out.println("Node log: " + node.log().toAbsolutePath());
            }
        }
        assertThat(errors.byKind()).as("errors during the load run").isEmpty();
    }

    private NodeUnderLoad node() throws Exception {
        String url = System.getProperty("load.url", "");
        if (!url.isBlank()) {
            return NodeUnderLoad.at(URI.create(url.endsWith("/") ? url : url + "/"), System.getProperty("load.jdbc-url"),
                    Long.getLong("load.pid", -1));
        }
        NodeUnderLoad.Launch launch = NodeUnderLoad.Launch.fastest(NodeUnderLoad.builtJar(), NodeUnderLoad.AOT_DIR);
        String database = System.getProperty("load.db-prefix", "mediscan_load_")
                + DateTimeFormatter.ofPattern("MMddHHmmss").withZone(java.time.ZoneOffset.UTC).format(Instant.now());
        String server = System.getProperty("load.db-server", System.getenv().getOrDefault("MEDISCAN_TEST_PG_URL",
                "jdbc:postgresql://127.0.0.1:5432/test"));
        List<String> jvmArgs = Arrays.stream(System.getProperty("load.jvm-args", "-Xmx2g").split("\\s+"))
                .filter(arg -> !arg.isBlank()).toList();
        NodeUnderLoad node = NodeUnderLoad.start(launch, server, dbUser, dbPassword, database,
                System.getProperty("load.admin-email", "load-admin@load.test"),
                System.getProperty("load.admin-password", "load admin password 2026"), jvmArgs,
                // Every room's appointment is booked at the next free slot; open calls that far ahead.
                List.of("--mediscan.call.join-before-start=PT1H"));
        System.out.printf(Locale.ROOT, "Node started (%s) on database %s: /login served %.1f s after launch (%.1f s of CPU)%n",
                launch.name(), database, node.coldStart.toMillis() / 1000.0, node.coldStartCpu.toMillis() / 1000.0);
        return node;
    }

    private void runRoom(Room room, int index, Participant doctor, Participant patient) {
        boolean inCallNow = false;
        try {
            patient.signIn(room.patient().email(), room.patient().newPassword());
            patient.enter(room.appointmentId(), room.patient().dateOfBirth());
            doctor.signIn(room.doctor().email(), room.doctor().newPassword());
            doctor.open(room.appointmentId(), null);
            doctor.prepareOffer(patient);
            doctor.join();
            doctor.awaitPeer();
            patient.awaitPeer();
            patient.awaitSignals(13);
            patient.sendNegotiation(doctor, "answer");
            doctor.awaitSignals(13);
            patient.reportConnection("connected");
            doctor.reportConnection("connected");
            inCall.incrementAndGet();
            inCallNow = true;
            try (ExecutorService sides = Executors.newVirtualThreadPerTaskExecutor()) {
                sides.submit(() -> converse(doctor, patient, Duration.ofSeconds(5)));
                sides.submit(() -> converse(patient, doctor, Duration.ofSeconds(15)));
            }
            quietRooms.incrementAndGet();
        } catch (ProtocolSession.LoadFailure counted) {
            // Counted where it happened; this room is over.
        } catch (Exception unexpected) {
            errors.record("driver", doctor.name, unexpected.toString());
        } finally {
            if (!inCallNow) {
                failedBeforeCall.incrementAndGet();
            } else if (quiet) {
                leaveInTurn(index);
            }
            doctor.leave();
            patient.leave();
        }
    }

    /**
     * Every new account's first visit (sign in, choose a password, sign out), a few at a time: a
     * password change hashes twice and is not what a consultation's arrival costs.
     */
    private void firstSignIns(List<Room> clinic, List<Participant[]> pairs) throws InterruptedException {
        try (ExecutorService visits = Executors.newFixedThreadPool(Integer.getInteger("load.first-visits-at-once", 4))) {
            for (int i = 0; i < clinic.size(); i++) {
                Room room = clinic.get(i);
                Participant[] pair = pairs.get(i);
                visits.submit(() -> {
                    firstVisit(pair[0], room.doctor());
                    firstVisit(pair[1], room.patient());
                });
            }
        }
    }

    private void firstVisit(Participant participant, LoadClinic.Person person) {
        try {
            participant.signInFirstTime(person.email(), person.temporaryPassword(), person.newPassword());
        } catch (ProtocolSession.LoadFailure counted) {
            // Counted where it happened.
        } catch (Exception unexpected) {
            errors.record("driver", participant.name, unexpected.toString());
        }
    }

    /**
     * One side of a running call: state signals every few seconds, a chat message every 20 s, heartbeats. When the
     * run goes quiet it waits for what the other side sent to arrive, counting what does not as lost.
     */
    private Void converse(Participant self, Participant peer, Duration firstChat) throws Exception {
        long now = System.nanoTime();
        long nextState = now + ThreadLocalRandom.current().nextLong(STATE_EVERY.toNanos());
        long nextChat = now + firstChat.toNanos() + ThreadLocalRandom.current().nextLong(Duration.ofSeconds(2).toNanos());
        long nextHeartbeat = now + heartbeatEvery.toNanos();
        boolean microphoneOn = true;
        try {
            while (!quiet && !self.isGone() && !peer.isGone()) {
                long due = Math.min(nextState, Math.min(nextChat, nextHeartbeat));
                sleepUntil(Math.min(due, System.nanoTime() + 500_000_000L));
                now = System.nanoTime();
                if (quiet) {
                    break;
                }
                if (now >= nextState) {
                    microphoneOn = !microphoneOn;
                    self.sendState(peer, microphoneOn);
                    nextState += STATE_EVERY.toNanos();
                }
                if (now >= nextChat) {
                    self.chat(peer, self.doctor ? "How are you feeling since the last visit?" : "Better, the cough is almost gone.",
                            TYPING_TIME);
                    nextChat += CHAT_EVERY.toNanos();
                }
                if (now >= nextHeartbeat) {
                    self.heartbeat();
                    nextHeartbeat += heartbeatEvery.toNanos();
                }
                self.countLost(LOST_AFTER);
            }
            long lostAt = System.nanoTime() + LOST_AFTER.toNanos();
            while (self.isAwaiting() && !self.isGone() && System.nanoTime() < lostAt) {
                Thread.sleep(100);
            }
            self.countLost(Duration.ZERO);
        } catch (ProtocolSession.LoadFailure counted) {
            // Counted where it happened.
        }
        return null;
    }

    private void leaveInTurn(int index) {
        try {
            while (!stopping) {
                Thread.sleep(100);
            }
            sleepUntil(stoppedAtNanos + rampDown.toNanos() * index / rooms);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitRamp(long rampStarted) throws InterruptedException {
        long deadline = rampStarted + ramp.toNanos() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline && inCall.get() + failedBeforeCall.get() < rooms) {
            Thread.sleep(200);
        }
    }

    private void awaitQuietRooms() throws InterruptedException {
        long deadline = System.nanoTime() + LOST_AFTER.toNanos() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline && quietRooms.get() < inCall.get()) {
            Thread.sleep(100);
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private void report(NodeUnderLoad node, Duration setup, Duration rampTook, double plateauSeconds, int participants,
                        long heapBefore, long heapAtPlateau, CpuShares cpu, int threads, String histogram, String loadBefore)
            throws Exception {
        LoadMetrics.Summary chat = metrics.summary(Kind.CHAT);
        LoadMetrics.Summary signal = metrics.summary(Kind.SIGNAL);
        double heapPerParticipantKb = participants > 0 && heapBefore >= 0 ? (heapAtPlateau - heapBefore) / 1024.0 / participants : Double.NaN;
        double cpuPct = node.isMeasurable() ? CpuShares.pct(cpu.node(), plateauSeconds) : Double.NaN;
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nConsultation load: %d rooms (%d participants in call at the plateau), node %s, %d cores%n",
                rooms, participants, node.url, Runtime.getRuntime().availableProcessors()));
        out.append(String.format(Locale.ROOT, "setup (accounts, appointments, first sign-ins) %.0f s, ramp %.0f s, settle %d s, plateau %.0f s; load average before %s, after %s%n",
                setup.toMillis() / 1000.0, rampTook.toMillis() / 1000.0, settle.toSeconds(), plateauSeconds, loadBefore, loadAverage()));
        if (node.coldStart != null) {
            out.append(String.format(Locale.ROOT, "cold start to /login: %.1f s (%.1f s of the node's CPU), %s%n",
                    node.coldStart.toMillis() / 1000.0, node.coldStartCpu.toMillis() / 1000.0, node.launch.name()));
        }
        out.append(String.format(Locale.ROOT, "%-44s %7s %8s %8s %8s%n", "during the plateau", "count", "p50 ms", "p99 ms", "max ms"));
        row(out, "chat: Send click → other side's screen", chat, metrics.sentCount(Kind.CHAT));
        row(out, "signal: @ClientCallable → other's element", signal, metrics.sentCount(Kind.SIGNAL));
        out.append(String.format(Locale.ROOT, "%-44s %7d%n", "typing notices pushed to the other side", metrics.summary(Kind.TYPING).count()));
        out.append(String.format(Locale.ROOT, "%-44s %7d%n", "of chat+signal: came in the receiver's HTTP answer",
                metrics.summary(Kind.IN_HTTP_ANSWER).count()));
        if (node.isMeasurable()) {
            out.append(String.format(Locale.ROOT, "live heap after full GC: %.1f MB before the load, %.1f MB at the plateau → %.0f KB per participant%n",
                    heapBefore / 1048576.0, heapAtPlateau / 1048576.0, heapPerParticipantKb));
            out.append(String.format(Locale.ROOT, "node CPU during the plateau: %.0f%% of one core (%.1f s in %.0f s); %d threads%n",
                    cpuPct, cpu.node().toMillis() / 1000.0, plateauSeconds, threads));
            out.append("largest classes at the plateau:\n").append(histogram);
        }
        out.append(cpu.describe(plateauSeconds)).append('\n');
        out.append("errors: ").append(errors.byKind().isEmpty() ? "none" : errors.byKind()).append('\n');
        out.append(String.format(Locale.ROOT,
                "LOAD rooms=%d chat_p50_ms=%.1f chat_p99_ms=%.1f signal_p50_ms=%.1f signal_p99_ms=%.1f heap_per_participant_kb=%.0f cpu_pct=%.0f errors=%d%n",
                rooms, chat.percentileMillis(50), chat.percentileMillis(99), signal.percentileMillis(50), signal.percentileMillis(99),
                heapPerParticipantKb, cpuPct, errors.total()));
        System.out.print(out);
    }

    private static void row(StringBuilder out, String what, LoadMetrics.Summary summary, long sent) {
        out.append(String.format(Locale.ROOT, "%-44s %7d %8.1f %8.1f %8.1f   (%d sent)%n", what, summary.count(),
                summary.percentileMillis(50), summary.percentileMillis(99), summary.maxMillis(), sent));
    }

    private static String topClasses(String histogram, int count) {
        // jcmd prints the pid, a heading and a rule, then the classes by size
        return histogram.lines().skip(3).limit(count).map(line -> "  " + line.strip() + "\n").reduce("", String::concat);
    }

    private static void progress(String format, Object... args) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " load: " + String.format(Locale.ROOT, format, args));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip().split(" ", 4)[0] + " "
                    + Files.readString(Path.of("/proc/loadavg")).strip().split(" ", 4)[1];
        } catch (Exception unreadable) {
            return "?";
        }
    }
}
