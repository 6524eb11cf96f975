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
    private static final String LOCAL_VIDEO_PLAYS =
            "() => document.querySelector('mediscan-call')?.shadowRoot.querySelector('video[data-role=\"local\"]').videoWidth > 0";

    @Test
    void callSetUpNextToTheOnePageFloor() throws Exception {
        int runs = Integer.getInteger("benchmark.runs", 10);
        floor();
        call();
        List<Double> floors = new ArrayList<>();
        List<Double> floorConnected = new ArrayList<>();
        List<Double> calls = new ArrayList<>();
        Map<String, List<Double>> steps = new TreeMap<>();
        for (int run = 0; run < runs; run++) {
            Map<String, Double> floor = floor();
            floors.add(floor.get("total"));
            floorConnected.add(floor.get("connected"));
            CallSetUp call = call();
            calls.add(call.total());
            call.steps().forEach((step, at) -> steps.computeIfAbsent(step, name -> new ArrayList<>()).add(at));
            System.out.printf("run %2d: call %6.0f ms, floor %6.0f ms%n", run + 1, call.total(), floor.get("total"));
        }
        report(runs, calls, floors, floorConnected, steps);
    }

    private record CallSetUp(double total, Map<String, Double> steps) {
    }

    private CallSetUp call() throws Exception {
        Appointment appointment = TestAppointments.joinableNow(context, DemoUsers.RAJESH, DemoUsers.KRIYA);
        long doctorAccount = appointment.getDoctor().getAccount().getId();
        List<Mark> marks = new CopyOnWriteArrayList<>();
        AutoCloseable listening = bus.subscribe(appointment.getId(),
                event -> marks.add(new Mark("server: " + describe(event, doctorAccount), epochMillis(Instant.now()))));
        String room = url("/video-consultation/" + appointment.getId());
        Page patient = CallTimeline.recorded(signedIn(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD));
        Page doctor = CallTimeline.recorded(signedIn(DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD));
        patient.navigate(room);
        CallPages.checkInIfAsked(patient, DemoUsers.KRIYA_DATE_OF_BIRTH);
        CallPages.button(patient, "Join now").click();
        assertThat(CallPages.status(patient)).hasText("Waiting");
        patient.waitForFunction(LOCAL_VIDEO_PLAYS);

        Map<String, Page> sides = Map.of("doctor", doctor, "patient", patient);
        List<Mark> requests = new CopyOnWriteArrayList<>();
        sides.forEach((side, page) -> page.onRequestFinished(request -> {
            var timing = request.timing();
            String path = request.url().replaceFirst("^https?://[^/]+", "");
            requests.add(new Mark(side + ": request sent " + path, timing.startTime));
            requests.add(new Mark(side + ": response ended " + path, timing.startTime + timing.responseEnd));
        }));
        doctor.navigate(room);
        doctor.waitForFunction(LOCAL_VIDEO_PLAYS);
        CallPages.button(doctor, "Join now").click();
        try {
            CallTimeline.awaitFramesPainted(doctor, 0);
            CallTimeline.awaitFramesPainted(patient, 0);
        } catch (TimeoutError notConnected) {
            sides.forEach((side, page) -> CallTimeline.marks(page).forEach(mark -> marks.add(new Mark(side + ": " + mark.name(), mark.at()))));
            marks.addAll(requests);
            printTimeline(marks, bothJoined(appointment));
            throw new AssertionError("The call did not show video on both sides; its timeline is printed above", notConnected);
        }
        listening.close();

        double bothJoined = bothJoined(appointment);
        double end = 0;
        for (var side : sides.entrySet()) {
            List<Mark> page = CallTimeline.marks(side.getValue());
            page.forEach(mark -> marks.add(new Mark(side.getKey() + ": " + mark.name(), mark.at())));
            end = Math.max(end, CallTimeline.first(page, CallTimeline.FIRST_FRAME_PAINTED).orElseThrow());
        }
        Map<String, Double> steps = new LinkedHashMap<>();
        marks.stream().filter(mark -> mark.at() >= bothJoined).sorted(BY_TIME)
                .forEach(mark -> steps.putIfAbsent(mark.name(), mark.at() - bothJoined));
        if (PRINT_TIMELINES) {
            marks.addAll(requests);
            printTimeline(marks, bothJoined);
        }
        patient.context().close();
        doctor.context().close();
        return new CallSetUp(end - bothJoined, steps);
    }

    /** When the server seated the doctor, who came second. */
    private double bothJoined(Appointment appointment) {
        long patientAccount = appointment.getPatient().getAccount().getId();
        return epochMillis(rooms.peerOf(new RoomRegistry.Seat(appointment.getId(), patientAccount, "benchmark"))
                .orElseThrow().presentSince());
    }

    private static void printTimeline(List<Mark> marks, double bothJoined) {
        StringBuilder timeline = new StringBuilder("timeline, ms after both joined (%s):%n".formatted(Instant.ofEpochMilli((long) bothJoined)));
        marks.stream().sorted(BY_TIME).forEach(mark -> timeline.append("%7.1f  %s%n".formatted(mark.at() - bothJoined, mark.name())));
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

    private static void report(int runs, List<Double> calls, List<Double> floors, List<Double> floorConnected,
                               Map<String, List<Double>> steps) {
        double callMedian = median(calls);
        double callP95 = p95(calls);
        double floorMedian = median(floors);
        double floorP95 = p95(floors);
        StringBuilder out = new StringBuilder();
        out.append("%nCall set-up benchmark: %d runs, Chromium %s, %d cores%n".formatted(runs, browser.version(),
                Runtime.getRuntime().availableProcessors()));
        out.append("%-46s %8s %8s%n".formatted("", "median", "p95"));
        out.append("%-46s %6.0f ms %5.0f ms%n".formatted("both joined → first remote frame (MediScan)", callMedian, callP95));
        out.append("%-46s %6.0f ms %5.0f ms%n".formatted("one-page loopback floor", floorMedian, floorP95));
        out.append("%-46s %8.2f %8.2f%n".formatted("ratio", callMedian / floorMedian, callP95 / floorP95));
        out.append("%-46s %6.0f ms %5.0f ms%n".formatted("  floor: both connected (DTLS)", median(floorConnected), p95(floorConnected)));
        out.append("%nWhere the time goes: median ms from both joined to the first time after it that each step happened%n".formatted());
        steps.entrySet().stream()
                .sorted((one, other) -> Double.compare(median(one.getValue()), median(other.getValue())))
                .forEach(step -> out.append("%7.0f  %s%s%n".formatted(median(step.getValue()), step.getKey(),
                        step.getValue().size() < runs ? " (in %d of %d runs)".formatted(step.getValue().size(), runs) : "")));
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
