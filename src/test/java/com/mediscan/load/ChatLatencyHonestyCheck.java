package com.mediscan.load;

import static com.mediscan.support.CallPages.button;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.appointment.domain.Appointment;
import com.mediscan.chat.service.ChatMessagePosted;
import com.mediscan.consultation.service.RoomBus;
import com.mediscan.load.LoadMetrics.Kind;
import com.mediscan.support.BrowserTest;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.TestAppointments;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;

/**
 * Does the driver measure what a person's browser does? One quiet room at a time, the same chat exchange
 * (the doctor types and presses Send, the message reaches the patient) is timed between two real
 * Chromium pages and between two driver participants, alternating, on the same server.
 * <p>
 * The pages are instrumented before Vaadin loads (init scripts): in the doctor's page
 * {@code XMLHttpRequest.send} stamps every UIDL request as it leaves, with its body; in the patient's page
 * a listener on the push WebSocket, registered before Atmosphere's own, stamps the frame that carries the
 * message's text, and a MutationObserver the moment the text is in the DOM. Both pages run in one
 * Chromium and read one clock ({@code performance.timeOrigin + performance.now()}). So the browsers give
 * the driver's own interval (the request carrying the Send click leaves → the push with the message
 * arrives), which must match the driver's median within the tolerance, and the full one a person sees
 * (click → text on the other screen), split into the sender's part (click → that request leaves) and the
 * receiver's (push frame → DOM). The UIDL requests of the first message are printed, to compare with
 * what the driver sends ({@link Participant#chat}). Chromium's DevTools clock is read for a few messages after
 * the compared ones: its Network events would otherwise run through Playwright and this JVM while the server
 * handles the compared message.
 * Run by {@code ./mvnw verify -Pload -Dload.tests=**}{@code /load/ChatLatencyHonestyCheck.java}.
 */
class ChatLatencyHonestyCheck extends BrowserTest {

    private static final int MESSAGES = Integer.getInteger("load.honesty.messages", 15);
    private static final int DEVTOOLS_MESSAGES = 5;
    private static final Duration QUIET_AFTER_SEND = Duration.ofMillis(1000);
    private static final double TOLERANCE_MS = Double.parseDouble(System.getProperty("load.honesty.tolerance-ms", "5"));
    private static final String SENDER_CLOCKS = """
            (() => {
              const now = () => performance.timeOrigin + performance.now();
              window.uidlRequests = [];
              const open = XMLHttpRequest.prototype.open;
              const send = XMLHttpRequest.prototype.send;
              XMLHttpRequest.prototype.open = function (method, url, ...rest) {
                this.mediscanUrl = String(url);
                return open.call(this, method, url, ...rest);
              };
              XMLHttpRequest.prototype.send = function (body) {
                if (this.mediscanUrl && this.mediscanUrl.includes('v-r=uidl') && typeof body === 'string') {
                  window.uidlRequests.push({ at: now(), body });
                }
                return send.call(this, body);
              };
              document.addEventListener('click', event => {
                if (event.composedPath().some(node => node.tagName === 'VAADIN-BUTTON' && node.textContent.trim() === 'Send')) {
                  window.clickedAt = now();
                }
              }, true);
            })();
            """;
    private static final String RECEIVER_CLOCKS = """
            (() => {
              const now = () => performance.timeOrigin + performance.now();
              const Native = window.WebSocket;
              window.WebSocket = class extends Native {
                constructor(...args) {
                  super(...args);
                  this.addEventListener('message', event => {
                    if (window.awaitedText && typeof event.data === 'string' && event.data.includes(window.awaitedText)) {
                      window.pushedAt = now();
                      window.awaitedText = undefined;
                    }
                  });
                }
              };
            })();
            """;
    private static final String AWAIT_TEXT = """
            token => {
              const now = () => performance.timeOrigin + performance.now();
              window.awaitedText = token;
              window.pushedAt = undefined;
              window.shownAt = undefined;
              const seen = () => [...document.querySelectorAll('vaadin-message')].some(message => message.textContent.includes(token));
              const observer = new MutationObserver(() => {
                if (seen()) { window.shownAt = now(); observer.disconnect(); }
              });
              observer.observe(document.body, { childList: true, subtree: true, characterData: true });
            }
            """;

    private static final String PRESS_SEND_AFTER = """
            delay => setTimeout(() => [...document.querySelectorAll('vaadin-button')]
                .find(button => button.textContent.trim() === 'Send').click(), delay)
            """;

    private static final String RESOURCE_REQUEST_START = """
            sentAt => {
              const entry = performance.getEntriesByType('resource')
                  .find(e => e.name.includes('v-r=uidl') && performance.timeOrigin + e.startTime >= sentAt - 0.5);
              return entry && entry.responseEnd > 0 ? performance.timeOrigin + entry.requestStart : undefined;
            }
            """;

    @Autowired
    ApplicationContext context;

    /** One browser message: the instants (ms on the pages' common clock) and the doctor page's UIDL requests meanwhile. */
    private record BrowserMessage(double clickedAt, double requestAt, double networkRequestAt, double pushedAt, double shownAt,
                                  double devToolsMillis, List<String> requests, ServerClocks.Stamp server) {
    }

    @Test
    void driverAndBrowsersSeeTheSameChatLatency() throws Exception {
        // The browsers' patient is checked in beforehand; the driver's checks in on the page (CheckInByProtocol).
        Appointment browserRoom = TestAppointments.checkedInNow(context, DemoUsers.RAJESH, DemoUsers.KRIYA);
        Appointment driverRoom = TestAppointments.joinableNow(context, DemoUsers.RAJESH, DemoUsers.KRIYA);
        // Before anyone enters, so that in both rooms the stamp is taken before the relay to the views.
        ServerClocks server = context.getBean(ServerClocks.class);
        server.listen(context.getBean(RoomBus.class), browserRoom.getId(), driverRoom.getId());
        Page doctorPage = signedIn(DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD);
        doctorPage.addInitScript(SENDER_CLOCKS);
        Page patientPage = signedIn(DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD);
        patientPage.addInitScript(RECEIVER_CLOCKS);
        inRoom(doctorPage, browserRoom);
        inRoom(patientPage, browserRoom);
        DevToolsClocks devTools = new DevToolsClocks(doctorPage, patientPage);
        devTools.enable();

        LoadErrors errors = new LoadErrors();
        LoadMetrics metrics = new LoadMetrics();
        var http = ProtocolSession.sharedClient();
        URI base = URI.create(url("/"));
        Participant doctor = driver(new ProtocolSession(base, http, errors, "doctor"), true, metrics, DemoUsers.RAJESH,
                DemoUsers.DOCTOR_PASSWORD, driverRoom);
        Participant patient = driver(new ProtocolSession(base, http, errors, "patient"), false, metrics, DemoUsers.KRIYA,
                DemoUsers.PATIENT_PASSWORD, driverRoom);
        browserChat(doctorPage, patientPage, devTools, server, "warm-up"); // the first of each kind warms up, unmeasured
        devTools.disable();
        doctor.chat(patient, "Warm-up", Duration.ZERO);
        Thread.sleep(1500);
        metrics.measuring = true;

        List<BrowserMessage> browser = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            browser.add(browserChat(doctorPage, patientPage, null, server, "honesty-" + i + "-" + System.nanoTime()));
            Thread.sleep(1500 - QUIET_AFTER_SEND.toMillis()); // within the chat's rate limit of 8 messages per 10 s and person
            doctor.chat(patient, "Driver", Duration.ZERO);
            Thread.sleep(1500);
        }
        metrics.measuring = false;
        doctor.leave();
        patient.leave();
        // DevTools' Network events reach Playwright and this JVM while the message is on its way, on the cores the server
        // uses: the cross-check with Chromium's own clock runs after the compared messages, not during them.
        devTools.enable();
        List<BrowserMessage> crossChecked = new ArrayList<>();
        for (int i = 0; i < DEVTOOLS_MESSAGES; i++) {
            crossChecked.add(browserChat(doctorPage, patientPage, devTools, server, "devtools-" + i + "-" + System.nanoTime()));
            Thread.sleep(1500);
        }

        System.out.println("\nThe doctor page's UIDL requests for the first measured message (ms after the click):");
        browser.getFirst().requests().forEach(request -> System.out.println("  " + request));
        double[] protocol = sorted(browser, message -> message.pushedAt() - message.requestAt());
        double[] full = sorted(browser, message -> message.shownAt() - message.clickedAt());
        double[] senderPart = sorted(browser, message -> message.requestAt() - message.clickedAt());
        double[] receiverPart = sorted(browser, message -> message.shownAt() - message.pushedAt());
        LoadMetrics.Summary driver = metrics.summary(Kind.CHAT);
        double driverMedian = driver.percentileMillis(50);
        System.out.printf(Locale.ROOT, "%nChat latency in one quiet room, %d messages each (median / min / max ms):%n", MESSAGES);
        row("load driver (Send request leaves → message applied from push)", driverMedian, driver.percentileMillis(0), driver.maxMillis());
        row("two Chromium pages, the same interval (request → push frame)", protocol);
        row("two Chromium pages, click → text in the other page's DOM", full);
        row("  of which: click → the request with it leaves (sender)", senderPart);
        row("  of which: push frame → text in the DOM (receiver)", receiverPart);
        row("two Chromium pages, network stack sends the request → push frame", sorted(browser,
                message -> message.pushedAt() - message.networkRequestAt()));
        row("  of which: XMLHttpRequest.send → network stack sends it", sorted(browser,
                message -> message.networkRequestAt() - message.requestAt()));
        System.out.printf(Locale.ROOT, "  DevTools cross-check, %d more messages with Chromium's Network events on:%n", DEVTOOLS_MESSAGES);
        row("    DevTools: network sends the request → frame received (Network.*)", sorted(crossChecked, BrowserMessage::devToolsMillis));
        row("    the same messages by the pages' clocks (network stack sends → push frame)", sorted(crossChecked,
                message -> message.pushedAt() - message.networkRequestAt()));
        List<ServerClocks.Stamp> driverStamps = server.driverMessages();
        long[] driverLatencies = metrics.inOrder(Kind.CHAT);
        double[] driverOutside = IntStream.range(0, Math.min(driverStamps.size(), driverLatencies.length))
                .mapToDouble(i -> driverLatencies[i] / 1e6 - driverStamps.get(i).inServerMillis()).sorted().toArray();
        System.out.println("  split by the server's clock (the Send request enters the server's filters → the message stored, handed to the room bus):");
        row("    driver: in the server", driverStamps.stream().mapToDouble(ServerClocks.Stamp::inServerMillis).sorted().toArray());
        row("      of which the request's thread on a CPU", driverStamps.stream().mapToDouble(ServerClocks.Stamp::onCpuMillis).sorted().toArray());
        row("      of which it waited for a lock or a signal", driverStamps.stream().mapToDouble(ServerClocks.Stamp::lockedMillis).sorted().toArray());
        row("    driver: the rest (its request's way in, the relay to the other view, its push)", driverOutside);
        row("    browsers: in the server", sorted(browser, message -> message.server().inServerMillis()));
        row("      of which the request's thread on a CPU", sorted(browser, message -> message.server().onCpuMillis()));
        row("      of which it waited for a lock or a signal", sorted(browser, message -> message.server().lockedMillis()));
        row("    browsers: the rest, the same way (network stack sends → push frame)", sorted(browser,
                message -> message.pushedAt() - message.networkRequestAt() - message.server().inServerMillis()));
        row("      of which: network stack sends → the server's filters (page and server clocks)", sorted(browser,
                message -> message.server().arrivedEpochMillis() - message.networkRequestAt()));
        row("      of which: on the room bus → the push frame in the page (server and page clocks)", sorted(browser,
                message -> message.pushedAt() - message.server().postedEpochMillis()));
        System.out.printf(Locale.ROOT, "  difference of the same interval's medians %.1f ms (tolerance %.0f ms)%n",
                median(protocol) - driverMedian, TOLERANCE_MS);

        assertThat(errors.byKind()).isEmpty();
        assertThat(driver.count()).isEqualTo(MESSAGES);
        assertThat(Math.abs(median(protocol) - driverMedian)).as("browser and driver medians, request → push (ms)")
                .isLessThanOrEqualTo(TOLERANCE_MS);
    }

    /**
     * Types the message and presses Send in the doctor's page, waits until the text shows in the patient's,
     * and reads the instants the pages stamped.
     */
    private static BrowserMessage browserChat(Page doctorPage, Page patientPage, DevToolsClocks devTools, ServerClocks server,
                                              String token) throws InterruptedException {
        patientPage.evaluate(AWAIT_TEXT, token);
        if (devTools != null) {
            devTools.clear();
        }
        doctorPage.evaluate("() => { window.uidlRequests = []; window.clickedAt = undefined; performance.clearResourceTimings(); }");
        doctorPage.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Message")).fill("Browser " + token);
        // The page presses Send itself, as long after the text as the driver does. Playwright does nothing while the
        // message is on its way: its work (a click's checks, polling the pages) would run beside the server's on the
        // same two cores, and the driver's messages have none. The pages stamp the instants themselves; they are
        // read once the message is long there.
        doctorPage.evaluate(PRESS_SEND_AFTER, (int) Participant.MOVE_TO_SEND.toMillis());
        Thread.sleep(Participant.MOVE_TO_SEND.plus(QUIET_AFTER_SEND));
        double shownAt = number(patientPage.waitForFunction("() => window.shownAt").jsonValue());
        Object pushedAt = patientPage.evaluate("() => window.pushedAt");
        assertThat(pushedAt).as("the push frame with " + token + " (did the message come in an HTTP answer instead?)").isNotNull();
        double clickedAt = number(doctorPage.evaluate("() => window.clickedAt"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> requests = (List<Map<String, Object>>) doctorPage.evaluate("() => window.uidlRequests");
        Double requestAt = null;
        List<String> described = new ArrayList<>();
        for (Map<String, Object> request : requests) {
            double at = number(request.get("at"));
            JsonNode rpcs = ProtocolSession.JSON.readTree((String) request.get("body")).path("rpc");
            List<String> parts = new ArrayList<>();
            for (JsonNode rpc : rpcs) {
                parts.add(describe(rpc));
                if (rpc.path("type").asString("").equals("event") && rpc.path("event").asString("").equals("click") && requestAt == null) {
                    requestAt = at;
                }
            }
            described.add(String.format(Locale.ROOT, "%+7.1f ms %s", at - clickedAt, parts));
        }
        assertThat(requestAt).as("a UIDL request with the Send click, among " + described).isNotNull();
        // Resource Timing's requestStart: when the network stack began to send the click's request.
        double networkRequestAt = number(doctorPage.waitForFunction(RESOURCE_REQUEST_START, requestAt).jsonValue());
        return new BrowserMessage(clickedAt, requestAt, networkRequestAt, number(pushedAt), shownAt,
                devTools == null ? Double.NaN : devTools.clickRequestToFrame(doctorPage, token), described, server.of(token));
    }

    /**
     * The same exchange as Chromium's DevTools protocol reports it (Network domain, one monotonic clock for
     * both pages): the click's request as sent by the network stack ({@code timing.requestTime + sendStart}
     * of its response) and the push frame with the message as {@code Network.webSocketFrameReceived}.
     */
    private static final class DevToolsClocks {
        private final Map<String, Double> clickRequests = new ConcurrentHashMap<>();
        private final Map<String, Double> sentAt = new ConcurrentHashMap<>();
        private final List<Map.Entry<Double, String>> frames = new CopyOnWriteArrayList<>();
        private final CDPSession doctor;
        private final CDPSession patient;

        DevToolsClocks(Page doctorPage, Page patientPage) {
            doctor = doctorPage.context().newCDPSession(doctorPage);
            doctor.on("Network.requestWillBeSent", event -> {
                JsonObject request = event.getAsJsonObject("request");
                if (request.get("url").getAsString().contains("v-r=uidl") && request.has("postData")
                        && request.get("postData").getAsString().contains("\"event\":\"click\"")) {
                    clickRequests.put(event.get("requestId").getAsString(), event.get("timestamp").getAsDouble() * 1000);
                }
            });
            doctor.on("Network.responseReceived", event -> {
                JsonObject timing = event.getAsJsonObject("response").getAsJsonObject("timing");
                if (timing != null) {
                    sentAt.put(event.get("requestId").getAsString(),
                            timing.get("requestTime").getAsDouble() * 1000 + timing.get("sendStart").getAsDouble());
                }
            });
            patient = patientPage.context().newCDPSession(patientPage);
            patient.on("Network.webSocketFrameReceived", event -> frames.add(Map.entry(event.get("timestamp").getAsDouble() * 1000,
                    event.getAsJsonObject("response").get("payloadData").getAsString())));
        }

        void enable() {
            doctor.send("Network.enable");
            patient.send("Network.enable");
        }

        void disable() {
            doctor.send("Network.disable");
            patient.send("Network.disable");
        }

        void clear() {
            clickRequests.clear();
            sentAt.clear();
            frames.clear();
        }

        double clickRequestToFrame(Page doctorPage, String token) {
            for (int wait = 0; wait < 200; wait++) {
                var frame = frames.stream().filter(entry -> entry.getValue().contains(token)).findFirst();
                var sent = clickRequests.keySet().stream().filter(sentAt::containsKey).map(sentAt::get).findFirst();
                if (frame.isPresent() && sent.isPresent()) {
                    return frame.get().getKey() - sent.get();
                }
                doctorPage.waitForTimeout(10); // lets Playwright deliver the sessions' events
            }
            throw new AssertionError("DevTools reported no click request and push frame for " + token);
        }
    }

    private static String describe(JsonNode rpc) {
        return switch (rpc.path("type").asString("")) {
            case "mSync" -> "mSync " + rpc.path("property").asString() + "=" + rpc.path("value");
            case "event" -> "event " + rpc.path("event").asString() + (rpc.has("data") ? " " + rpc.path("data") : "");
            default -> rpc.path("type").asString() + " " + rpc;
        };
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static double[] sorted(List<BrowserMessage> messages, ToDoubleFunction<BrowserMessage> millis) {
        return messages.stream().mapToDouble(millis).sorted().toArray();
    }

    /** By nearest rank, as {@link LoadMetrics.Summary#percentileMillis} takes the driver's. */
    private static double median(double[] sorted) {
        return sorted[(int) Math.ceil(sorted.length / 2.0) - 1];
    }

    private static void row(String what, double[] sorted) {
        row(what, median(sorted), sorted[0], sorted[sorted.length - 1]);
    }

    private static void row(String what, double median, double min, double max) {
        System.out.printf(Locale.ROOT, "  %-64s %6.1f %6.1f %6.1f%n", what, median, min, max);
    }

    private void inRoom(Page page, Appointment appointment) {
        page.navigate(url("/video-consultation/" + appointment.getId()));
        button(page, "Join now").click();
        assertThat(button(page, "End call")).isVisible();
        button(page, "Toggle chat").click();
        assertThat(page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Message"))).isVisible();
    }

    private static Participant driver(ProtocolSession session, boolean doctor, LoadMetrics metrics, String email,
                                      String password, Appointment appointment) throws Exception {
        session.signIn(email, password);
        Participant participant = new Participant(email, doctor, session, metrics);
        participant.enter(appointment.getId(), doctor ? null : LocalDate.parse(DemoUsers.KRIYA_DATE_OF_BIRTH));
        return participant;
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ServerClocksConfig {
        @Bean
        ServerClocks serverClocks() {
            return new ServerClocks();
        }

        @Bean
        FilterRegistrationBean<ServerClocks> serverClocksFilter(ServerClocks clocks) {
            var registration = new FilterRegistrationBean<>(clocks);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
            registration.addUrlPatterns("/*");
            return registration;
        }
    }

    /**
     * The server's own instants of each chat message, from inside the test's server: its Send request
     * entering the filters, and the message published on the room bus (on the request's thread, after
     * the commit). They split each interval into the server's part and the way in and out.
     */
    static final class ServerClocks extends OncePerRequestFilter {

        /** Nanos and epoch micros, as the driver reads the one and the pages the other. */
        record Stamp(String text, long arrivedNanos, long arrivedEpochMicros, long postedNanos, long postedEpochMicros,
                     long onCpuNanos, long lockedMillis /* blocked or parked: the JVM's thread contention monitoring */) {
            double inServerMillis() {
                return (postedNanos - arrivedNanos) / 1e6;
            }

            double onCpuMillis() {
                return onCpuNanos / 1e6;
            }

            double arrivedEpochMillis() {
                return arrivedEpochMicros / 1e3;
            }

            double postedEpochMillis() {
                return postedEpochMicros / 1e3;
            }
        }

        private static final ThreadLocal<long[]> ARRIVED = new ThreadLocal<>();
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final List<Stamp> stamps = new CopyOnWriteArrayList<>();

        ServerClocks() {
            THREADS.setThreadContentionMonitoringEnabled(true);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            ARRIVED.set(new long[] {System.nanoTime(), epochMicros(), THREADS.getCurrentThreadCpuTime(), lockedSoFar()});
            try {
                chain.doFilter(request, response);
            } finally {
                ARRIVED.remove();
            }
        }

        void listen(RoomBus bus, long... appointmentIds) {
            for (long appointmentId : appointmentIds) {
                bus.subscribe(appointmentId, event -> {
                    long[] arrived = ARRIVED.get();
                    if (event instanceof ChatMessagePosted posted && arrived != null) {
                        stamps.add(new Stamp(posted.message().text(), arrived[0], arrived[1], System.nanoTime(), epochMicros(),
                                THREADS.getCurrentThreadCpuTime() - arrived[2], lockedSoFar() - arrived[3]));
                    }
                });
            }
        }

        Stamp of(String token) {
            return stamps.stream().filter(stamp -> stamp.text().contains(token)).findFirst()
                    .orElseThrow(() -> new AssertionError("the server saw no message with " + token));
        }

        /** The driver's measured messages, in the order sent. */
        List<Stamp> driverMessages() {
            return stamps.stream().filter(stamp -> stamp.text().startsWith("Driver ")).toList();
        }

        private static long lockedSoFar() {
            var info = THREADS.getThreadInfo(Thread.currentThread().threadId());
            return info.getBlockedTime() + info.getWaitedTime();
        }

        private static long epochMicros() {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        }
    }
}
