package com.mediscan.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.consultation.service.CallSignal;
import com.mediscan.consultation.service.PresenceChanged;
import com.mediscan.consultation.service.RoomBus;
import com.mediscan.consultation.service.RoomEvent;
import com.mediscan.consultation.service.RoomRegistry;
import com.mediscan.support.BrowserTest;
import com.mediscan.support.CallPages;
import com.mediscan.support.CallTimeline;
import com.mediscan.support.CallTimeline.Mark;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.TestAppointments;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.TimeoutError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * How long a call takes to set up, next to what the same browser needs at the least. Not a test
 * (it asserts no timing) and not part of {@code ./mvnw verify}: {@code ./mvnw verify -Pbenchmark}
 * runs it ({@code -Dbenchmark.runs=N}, 10 by default; {@code -Dbenchmark.timelines=true} also
 * prints every call's timeline, with the server's relays and both pages' requests). A call that
 * does not connect stops the run and prints its timeline.
 *
 * <p>A call set-up is measured from "both joined", the instant the server seats the second
 * participant in the room (its clock), to the later of the two pages painting its first remote
 * video frame ({@code requestVideoFrameCallback}, the browser's clock as epoch milliseconds: the
 * same machine's clock). The patient has joined and waits with camera and microphone open; the
 * doctor opens the room, sees the own camera in the check before joining, and presses "Join now".
 * The floor is two RTCPeerConnections in one page of the same browser, both cameras open:
 * candidates and descriptions pass directly, and it ends when both remote videos have painted a
 * frame. Each run measures one floor and one call; one unmeasured round warms both up.
 *
 * <p>Each run also sets up a call the other way round, as a patient meets it: the doctor waits in
 * the room, and the figure runs from the patient pressing "Join now" (the click, in the page) to
 * the later of the two pages painting the other's first frame. Next to the figures: Vaadin's own
 * round trip in one page (a server call that does nothing, to its answer), how long the offer the
 * server held since the waiting room took from the server to the patient's page, and the answer's two
 * legs: the patient's page to the server, and the server to the doctor's page.
 */
class CallSetupBenchmark extends BrowserTest {

    private static final String CAMERA =
            "{ audio: { echoCancellation: true, noiseSuppression: true }, video: { width: { ideal: 1280 }, height: { ideal: 720 } } }";
    private static final String FLOOR = """
            async () => {
              const camera = () => navigator.mediaDevices.getUserMedia(%s);
              const [waitingMedia, joiningMedia] = await Promise.all([camera(), camera()]);
              const start = performance.now();
              const waiting = new RTCPeerConnection(), joining = new RTCPeerConnection();
              const pending = new Map([[waiting, []], [joining, []]]);
              const deliver = (to, candidate) => to.remoteDescription ? to.addIceCandidate(candidate) : pending.get(to).push(candidate);
              const accept = async (to, description) => {
                await to.setRemoteDescription(description);
                pending.get(to).splice(0).forEach(candidate => to.addIceCandidate(candidate));
              };
              waiting.onicecandidate = ({ candidate }) => candidate && deliver(joining, candidate);
              joining.onicecandidate = ({ candidate }) => candidate && deliver(waiting, candidate);
              const painted = pc => new Promise(resolve => pc.addEventListener('track', ({ track, streams }) => {
                if (track.kind !== 'video') return;
                const video = Object.assign(document.createElement('video'), { muted: true, autoplay: true, playsInline: true });
                video.srcObject = streams[0];
                document.body.append(video);
                video.requestVideoFrameCallback(at => resolve(at));
              }));
              const connected = pc => new Promise(resolve => pc.addEventListener('connectionstatechange', () => {
                if (pc.connectionState === 'connected') resolve(performance.now());
              }));
              const frames = [painted(waiting), painted(joining)];
              const connections = [connected(waiting), connected(joining)];

              waitingMedia.getTracks().forEach(track => waiting.addTrack(track, waitingMedia));
              joiningMedia.getTracks().forEach(track => joining.addTrack(track, joiningMedia));
              await waiting.setLocalDescription();
              await accept(joining, waiting.localDescription);
              await joining.setLocalDescription();
              await accept(waiting, joining.localDescription);
              const [framesAt, connectedAt] = await Promise.all([Promise.all(frames), Promise.all(connections)]);

              [waiting, joining].forEach(pc => pc.close());
              [waitingMedia, joiningMedia].forEach(stream => stream.getTracks().forEach(track => track.stop()));
              return { total: Math.max(...framesAt) - start, connected: Math.max(...connectedAt) - start };
            }""".formatted(CAMERA);

    @Autowired
    ApplicationContext context;

    @Autowired
    RoomRegistry rooms;

    @Autowired
    RoomBus bus;

    private static final Pattern DESCRIPTION_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"(\\w+)\"");
    private static final boolean PRINT_TIMELINES = Boolean.getBoolean("benchmark.timelines");
    private static final Comparator<Mark> BY_TIME = Comparator.comparingDouble(Mark::at);
    /** A call of the element's server side that changes nothing (no such connection state), timed to its answer. */
    private static final String VAADIN_ROUND_TRIP = """
            async () => {
              const server = document.querySelector('mediscan-call').$server;
              const times = [];
              for (let i = 0; i < 5; i++) {
                const start = performance.now();
                await server.connectionStateChanged('round-trip-probe');
                times.push(performance.now() - start);
              }
              return times.sort((a, b) => a - b)[2];
            }""";
    private static final String LOCAL_VIDEO_PLAYS =
            "() => document.querySelector('mediscan-call')?.shadowRoot.querySelector('video[data-role=\"local\"]').videoWidth > 0";

    @Test
    void callSetUpNextToTheOnePageFloor() throws Exception {
        int runs = Integer.getInteger("benchmark.runs", 10);
        floor();
        call(Order.PATIENT_WAITS);
        call(Order.DOCTOR_WAITS);
        List<Double> floors = new ArrayList<>();
        List<Double> floorConnected = new ArrayList<>();
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        Map<Order, Map<String, List<Double>>> steps = new LinkedHashMap<>();
        Map<Order, List<String>> longFrames = new LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            Map<String, Double> floor = floor();
            floors.add(floor.get("total"));
            floorConnected.add(floor.get("connected"));
            StringBuilder line = new StringBuilder("run %2d: floor %4.0f ms".formatted(run + 1, floor.get("total")));
            for (Order order : Order.values()) {
                CallSetUp call = call(order);
                figures.computeIfAbsent(order.figure, name -> new ArrayList<>()).add(call.total());
                call.figures().forEach((name, value) -> figures.computeIfAbsent(name, key -> new ArrayList<>()).add(value));
                call.steps().forEach((step, at) -> steps.computeIfAbsent(order, key -> new TreeMap<>())
                        .computeIfAbsent(step, name -> new ArrayList<>()).add(at));
                line.append(", %s %4.0f ms".formatted(order.shortName, call.total()));
                int runNumber = run + 1;
                call.longFrames().forEach(frame -> longFrames.computeIfAbsent(order, key -> new ArrayList<>())
                        .add("run %2d %s".formatted(runNumber, frame)));
            }
            System.out.println(line);
        }
        report(runs, figures, floors, floorConnected, steps, longFrames);
    }

    /** Who waits in the room; the other one comes second and presses "Join now". */
    private enum Order {
        PATIENT_WAITS("both joined → first remote frame (MediScan)", "call", "both joined"),
        DOCTOR_WAITS("patient presses Join now → both painted", "join", "the patient pressed Join now");

        final String figure;
        final String shortName;
        final String from;

        Order(String figure, String shortName, String from) {
            this.figure = figure;
            this.shortName = shortName;
            this.from = from;
        }
    }

    private record CallSetUp(double total, Map<String, Double> steps, Map<String, Double> figures, List<String> longFrames) {
    }

    private CallSetUp call(Order order) throws Exception {
        Appointment appointment = TestAppointments.joinableNow(context, DemoUsers.RAJESH, DemoUsers.KRIYA);
        long doctorAccount = appointment.getDoctor().getAccount().getId();
        List<Mark> marks = new CopyOnWriteArrayList<>();
        AutoCloseable listening = bus.subscribe(appointment.getId(),
                event -> marks.add(new Mark("server: " + describe(event, doctorAccount), epochMillis(Instant.now()))));
        String room = url("/video-consultation/" + appointment.getId());
        Page patient = CallTimeline.recorded(signedIn(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD));
        Page doctor = CallTimeline.recorded(signedIn(DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD));
        // The patient's check-in comes before anything is measured; it is asked once, not again on the next load.
        patient.navigate(room);
        CallPages.checkInIfAsked(patient, DemoUsers.KRIYA_DATE_OF_BIRTH);
        Page waiting = order == Order.PATIENT_WAITS ? patient : doctor;
        Page joining = order == Order.PATIENT_WAITS ? doctor : patient;
        waiting.navigate(room);
        CallPages.button(waiting, "Join now").click();
        assertThat(CallPages.status(waiting)).hasText("Waiting");
        waiting.waitForFunction(LOCAL_VIDEO_PLAYS);

        Map<String, Page> sides = Map.of("doctor", doctor, "patient", patient);
        List<Mark> requests = new CopyOnWriteArrayList<>();
        sides.forEach((side, page) -> page.onRequestFinished(request -> {
            var timing = request.timing();
            String path = request.url().replaceFirst("^https?://[^/]+", "");
            requests.add(new Mark(side + ": request sent " + path, timing.startTime));
            requests.add(new Mark(side + ": response ended " + path, timing.startTime + timing.responseEnd));
        }));
        joining.navigate(room);
        joining.waitForFunction(LOCAL_VIDEO_PLAYS);
        CallPages.button(joining, "Join now").click();
        try {
            CallTimeline.awaitFramesPainted(doctor, 0);
            CallTimeline.awaitFramesPainted(patient, 0);
        } catch (TimeoutError notConnected) {
            sides.forEach((side, page) -> CallTimeline.marks(page).forEach(mark -> marks.add(new Mark(side + ": " + mark.name(), mark.at()))));
            marks.addAll(requests);
            printTimeline(marks, bothJoined(appointment), "both joined");
            throw new AssertionError("The call did not show video on both sides; its timeline is printed above", notConnected);
        }
        listening.close();

        double bothJoined = bothJoined(appointment);
        double end = 0;
        Map<String, List<Mark>> pages = new LinkedHashMap<>();
        for (var side : sides.entrySet()) {
            List<Mark> page = CallTimeline.marks(side.getValue());
            pages.put(side.getKey(), page);
            page.forEach(mark -> marks.add(new Mark(side.getKey() + ": " + mark.name(), mark.at())));
            end = Math.max(end, CallTimeline.first(page, CallTimeline.FIRST_FRAME_PAINTED).orElseThrow());
        }
        double start = order == Order.PATIENT_WAITS ? bothJoined
                : CallTimeline.first(pages.get("patient"), CallTimeline.JOIN_NOW_PRESSED).orElseThrow();
        Map<String, Double> steps = new LinkedHashMap<>();
        List<String> longFrames = new ArrayList<>();
        double finish = end;
        marks.stream().filter(mark -> mark.at() >= start && mark.at() <= finish).sorted(BY_TIME).forEach(mark -> {
            if (mark.name().contains(LONG_FRAME)) {
                longFrames.add("%6.0f  %s".formatted(mark.at() - start, mark.name()));
            } else {
                steps.putIfAbsent(mark.name(), mark.at() - start);
            }
        });
        Map<String, Double> figures = new LinkedHashMap<>();
        if (order == Order.PATIENT_WAITS) {
            List<Mark> server = marks.stream().filter(mark -> mark.name().startsWith("server: ")).toList();
            between(server, "server: relays doctor's offer", pages.get("patient"), "offer arrived", start)
                    .ifPresent(ms -> figures.put(OFFER_RELAY, ms));
            between(pages.get("patient"), "answer sent", server, "server: relays patient's answer", start)
                    .ifPresent(ms -> figures.put(ANSWER_TO_SERVER, ms));
            between(server, "server: relays patient's answer", pages.get("doctor"), "answer arrived", start)
                    .ifPresent(ms -> figures.put(ANSWER_FROM_SERVER, ms));
            figures.put(ROUND_TRIP, ((Number) doctor.evaluate(VAADIN_ROUND_TRIP)).doubleValue());
        }
        if (PRINT_TIMELINES) {
            marks.addAll(requests);
            printTimeline(marks, start, order.from);
        }
        patient.context().close();
        doctor.context().close();
        return new CallSetUp(end - start, steps, figures, longFrames);
    }

    private static final String LONG_FRAME = "long frame:";
    private static final String OFFER_RELAY = "  offer (held by the server): server → patient's page";
    private static final String ANSWER_TO_SERVER = "  answer: patient's page → server";
    private static final String ANSWER_FROM_SERVER = "  answer: server → doctor's page";
    private static final String ROUND_TRIP = "  Vaadin round trip, one page (no-op server call)";

    /** From the first {@code from} mark after {@code after} to the first {@code to} mark after that. */
    private static Optional<Double> between(List<Mark> fromMarks, String from, List<Mark> toMarks, String to, double after) {
        return fromMarks.stream().filter(mark -> mark.name().equals(from) && mark.at() >= after).map(Mark::at).findFirst()
                .flatMap(at -> toMarks.stream().filter(mark -> mark.name().equals(to) && mark.at() >= at).map(Mark::at)
                        .findFirst().map(then -> then - at));
    }

    /** When the server seated the doctor, who came second. */
    private double bothJoined(Appointment appointment) {
        long patientAccount = appointment.getPatient().getAccount().getId();
        return epochMillis(rooms.peerOf(new RoomRegistry.Seat(appointment.getId(), patientAccount, "benchmark"))
                .orElseThrow().presentSince());
    }

    private static void printTimeline(List<Mark> marks, double start, String from) {
        StringBuilder timeline = new StringBuilder("timeline, ms after %s (%s):%n".formatted(from, Instant.ofEpochMilli((long) start)));
        marks.stream().sorted(BY_TIME).forEach(mark -> timeline.append("%7.1f  %s%n".formatted(mark.at() - start, mark.name())));
        System.out.println(timeline);
    }

    private static String describe(RoomEvent event, long doctorAccount) {
        String who = event.senderAccountId() == doctorAccount ? "doctor" : "patient";
        return switch (event) {
            case PresenceChanged ignored -> who + " entered or left";
            case CallSignal signal -> {
                Matcher type = DESCRIPTION_TYPE.matcher(signal.payload());
                yield "relays " + who + "'s " + (signal.payload().contains("\"description\"") && type.find() ? type.group(1)
                        : signal.payload().contains("\"candidate\"") ? "candidate" : "state");
            }
            default -> who + " " + event.getClass().getSimpleName();
        };
    }

    private static double epochMillis(Instant instant) {
        return instant.getEpochSecond() * 1000.0 + instant.getNano() / 1e6;
    }

    private Map<String, Double> floor() {
        Page page = newPerson();
        // Any page of the application's origin would do: camera and microphone need a secure origin, as localhost is.
        page.route(url("/benchmark-floor"), route -> route.fulfill(new Route.FulfillOptions()
                .setContentType("text/html").setBody("<!doctype html><title>One-page loopback floor</title>")));
        page.navigate(url("/benchmark-floor"));
        @SuppressWarnings("unchecked")
        Map<String, Number> result = (Map<String, Number>) page.evaluate(FLOOR);
        page.context().close();
        Map<String, Double> floor = new LinkedHashMap<>();
        result.forEach((name, value) -> floor.put(name, value.doubleValue()));
        return floor;
    }

    private static void report(int runs, Map<String, List<Double>> figures, List<Double> floors, List<Double> floorConnected,
                               Map<Order, Map<String, List<Double>>> steps, Map<Order, List<String>> longFrames) {
        double floorMedian = median(floors);
        double floorP95 = p95(floors);
        StringBuilder out = new StringBuilder();
        out.append("%nCall set-up benchmark: %d runs, Chromium %s, %d cores%n".formatted(runs, browser.version(),
                Runtime.getRuntime().availableProcessors()));
        out.append("%-50s %8s %8s%n".formatted("", "median", "p95"));
        for (Order order : Order.values()) {
            List<Double> values = figures.get(order.figure);
            out.append("%-50s %6.0f ms %5.0f ms%n".formatted(order.figure, median(values), p95(values)));
            out.append("%-50s %8.2f %8.2f%n".formatted("  × one-page floor", median(values) / floorMedian, p95(values) / floorP95));
        }
        out.append("%-50s %6.0f ms %5.0f ms%n".formatted("one-page loopback floor", floorMedian, floorP95));
        out.append("%-50s %6.0f ms %5.0f ms%n".formatted("  floor: both connected (DTLS)", median(floorConnected), p95(floorConnected)));
        for (String name : List.of(OFFER_RELAY, ANSWER_TO_SERVER, ANSWER_FROM_SERVER, ROUND_TRIP)) {
            List<Double> values = figures.getOrDefault(name, List.of());
            if (!values.isEmpty()) {
                out.append("%-50s %6.1f ms %5.1f ms%n".formatted(name, median(values), p95(values)));
            }
        }
        for (Order order : Order.values()) {
            out.append("%nWhere the time goes (%s waits): median ms from %s to the first time after it that each step happened%n"
                    .formatted(order == Order.PATIENT_WAITS ? "patient" : "doctor", order.from));
            steps.getOrDefault(order, Map.of()).entrySet().stream()
                    .sorted((one, other) -> Double.compare(median(one.getValue()), median(other.getValue())))
                    .forEach(step -> out.append("%7.0f  %s%s%n".formatted(median(step.getValue()), step.getKey(),
                            step.getValue().size() < runs ? " (in %d of %d runs)".formatted(step.getValue().size(), runs) : "")));
            List<String> frames = longFrames.getOrDefault(order, List.of());
            out.append("  long animation frames (50 ms or more) in these set-ups, ms after %s: %s%n"
                    .formatted(order.from, frames.isEmpty() ? "none" : ""));
            frames.forEach(frame -> out.append("    %s%n".formatted(frame)));
        }
        System.out.println(out);
    }

    private static double median(Collection<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Nearest rank: the smallest value at least 95 % of the values do not exceed. */
    private static double p95(Collection<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1);
    }
}
