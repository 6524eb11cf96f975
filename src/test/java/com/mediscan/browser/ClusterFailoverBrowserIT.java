package com.mediscan.browser;

import static com.mediscan.support.CallPages.button;
import static com.mediscan.support.CallPages.chatInput;
import static com.mediscan.support.CallPages.chatMessages;
import static com.mediscan.support.CallPages.framesDecoded;
import static com.mediscan.support.CallPages.framesKeepArriving;
import static com.mediscan.support.CallPages.status;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.mediscan.support.Balancer;
import com.mediscan.support.CallPages;
import com.mediscan.support.BrowserTest;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.MediScanNode;
import com.mediscan.support.PostgresDatabase;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.Cookie;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two real MediScan nodes (two JVMs from the built jar) on one fresh PostgreSQL database, behind
 * HAProxy running the repository's deploy/haproxy.cfg. The doctor's browser is pinned to node A
 * and the patient's to node B by the balancer's cookie. Node A is killed with {@code kill -9} in
 * the middle of the call, then (started again) node B is stopped in an orderly way: each time
 * the affected pages reload once through the surviving node, signed in by remember-me, back in
 * the running call, and the chat is whole.
 */
@EnabledIf("com.mediscan.support.PostgresDatabase#isReachable")
class ClusterFailoverBrowserIT extends BrowserTest {

    private static final Duration NODE_START = Duration.ofMinutes(4);
    private static final LocatorAssertions.HasTextOptions AFTER_FAILOVER = new LocatorAssertions.HasTextOptions().setTimeout(90_000);
    private static final Page.WaitForFunctionOptions RELOADED = new Page.WaitForFunctionOptions().setTimeout(90_000);

    @TempDir
    Path workDir;

    private final List<AutoCloseable> running = new ArrayList<>();
    private Balancer balancer;
    private JdbcTemplate database;

    @Override
    protected String url(String path) {
        return balancer.url(path);
    }

    @AfterEach
    void stopCluster() throws Exception {
        for (AutoCloseable process : running.reversed()) {
            process.close();
        }
    }

    @Test
    void aNodeThatDiesOrStopsMidCallCostsItsUsersOneReload() throws Exception {
        String databaseUrl = PostgresDatabase.freshDatabase("mediscan_cluster_it");
        SingleConnectionDataSource connection = new SingleConnectionDataSource(databaseUrl, PostgresDatabase.user(),
                PostgresDatabase.password(), true);
        running.add(connection::destroy);
        database = new JdbcTemplate(connection);
        // Both nodes start at once on the empty database: the demo clinic must be seeded once.
        MediScanNode nodeA = node("node_a", databaseUrl, null);
        MediScanNode nodeB = node("node_b", databaseUrl, null);
        nodeA.awaitReady(NODE_START);
        nodeB.awaitReady(NODE_START);
        assertThat(database.queryForObject("select count(*) from user_account where email = ?", Integer.class, DemoUsers.RAJESH))
                .isEqualTo(1);
        balancer = Balancer.start(nodeA, nodeB, workDir);
        running.add(balancer);
        balancer.awaitBothNodes(Duration.ofSeconds(60));

        long appointmentId = database.queryForObject("""
                select a.id from appointment a join doctor_profile d on d.id = a.doctor_id join user_account u on u.id = d.account_id
                where u.email = ? and a.status = 'SCHEDULED' and a.starts_at > now() order by a.starts_at limit 1""",
                Long.class, DemoUsers.RAJESH);
        Page doctor = pinnedTo("node_a", DemoUsers.RAJESH, DemoUsers.DOCTOR_PASSWORD);
        Page patient = pinnedTo("node_b", DemoUsers.KRIYA, DemoUsers.PATIENT_PASSWORD);
        join(patient, appointmentId);
        join(doctor, appointmentId);
        assertThat(status(patient)).hasText("Connected", AFTER_FAILOVER);
        assertThat(status(doctor)).hasText("Connected", AFTER_FAILOVER);
        assertThat(seatNode(appointmentId, DemoUsers.RAJESH)).isEqualTo("node_a");
        assertThat(seatNode(appointmentId, DemoUsers.KRIYA)).isEqualTo("node_b");

        button(patient, "Toggle chat").click();
        button(doctor, "Toggle chat").click();
        send(doctor, "How is the chest pain today?");
        assertThat(chatMessages(patient).filter(hasText("How is the chest pain today?"))).hasCount(1);
        send(patient, "Better since Monday.");
        assertThat(chatMessages(doctor).filter(hasText("Better since Monday."))).hasCount(1);
        // So far every signal and message crossed between the nodes.
        printDeliveryLatency(nodeA);
        printDeliveryLatency(nodeB);

        // kill -9 the doctor's node.
        markPage(doctor);
        markPage(patient);
        long killedAt = System.nanoTime();
        nodeA.kill();
        framesKeepArriving(patient);
        send(patient, "Doctor, are you still there?");

        doctor.waitForFunction("() => window.mediscanMark === undefined", null, RELOADED);
        assertThat(doctor).hasURL(url("/video-consultation/" + appointmentId));
        long doctorSeesVideoAfter = millisUntilVideo(doctor, killedAt);
        System.out.printf("[cluster failover] kill -9 of the doctor's node → the doctor sees the patient's video again: %.1f s%n",
                doctorSeesVideoAfter / 1000.0);
        assertThat(status(doctor)).hasText("Connected", AFTER_FAILOVER);
        assertThat(status(patient)).hasText("Connected", AFTER_FAILOVER);
        assertThat(patient.evaluate("() => window.mediscanMark")).as("the patient's page never reloaded").isEqualTo(true);
        framesKeepArriving(patient);
        framesKeepArriving(doctor);
        assertThat(seatNode(appointmentId, DemoUsers.RAJESH)).isEqualTo("node_b");
        // Node A comes back on its address, joining the running cluster, while the checks go on.
        MediScanNode nodeAAgain = node("node_a", databaseUrl, nodeA.port());
        assertThat(doctor.locator(".call-timer")).isVisible();
        button(doctor, "Toggle chat").click();
        chatIsWhole(doctor, "How is the chest pain today?", "Better since Monday.", "Doctor, are you still there?");
        chatIsWhole(patient, "How is the chest pain today?", "Better since Monday.", "Doctor, are you still there?");

        // Node B is stopped for an upgrade, once node A is back.
        nodeAAgain.awaitReady(NODE_START);
        balancer.awaitBothNodes(Duration.ofSeconds(60));
        markPage(doctor);
        markPage(patient);
        long stoppedAt = System.nanoTime();
        assertThat(nodeB.stop()).as("node B's exit code after SIGTERM").isIn(0, 143);
        doctor.waitForFunction("() => window.mediscanMark === undefined", null, RELOADED);
        patient.waitForFunction("() => window.mediscanMark === undefined", null, RELOADED);
        long bothSeeVideoAfter = Math.max(millisUntilVideo(doctor, stoppedAt), millisUntilVideo(patient, stoppedAt));
        System.out.printf("[cluster failover] orderly stop of both participants' node → both see video again: %.1f s%n",
                bothSeeVideoAfter / 1000.0);
        for (Page page : List.of(doctor, patient)) {
            assertThat(page).hasURL(url("/video-consultation/" + appointmentId));
            assertThat(status(page)).hasText("Connected", AFTER_FAILOVER);
            framesKeepArriving(page);
        }
        assertThat(seatNode(appointmentId, DemoUsers.RAJESH)).isEqualTo("node_a");
        assertThat(seatNode(appointmentId, DemoUsers.KRIYA)).isEqualTo("node_a");
        button(doctor, "Toggle chat").click();
        send(doctor, "We are back on the other server.");
        button(patient, "Toggle chat").click();
        chatIsWhole(patient, "How is the chest pain today?", "Better since Monday.", "Doctor, are you still there?",
                "We are back on the other server.");

    }

    private MediScanNode node(String name, String databaseUrl, Integer port) throws Exception {
        MediScanNode node = MediScanNode.start(name, databaseUrl, workDir.resolve(name + "-" + running.size()), port);
        running.add(node);
        return node;
    }

    private Page pinnedTo(String server, String email, String password) {
        Page page = newPerson();
        page.context().addCookies(List.of(new Cookie("SERVERID", server).setDomain("localhost").setPath("/")));
        return signInOn(page, email, password);
    }

    private void join(Page page, long appointmentId) {
        page.navigate(url("/video-consultation/" + appointmentId));
        CallPages.checkInIfAsked(page, DemoUsers.KRIYA_DATE_OF_BIRTH);
        button(page, "Join now").click();
    }

    private static void markPage(Page page) {
        page.evaluate("() => window.mediscanMark = true");
    }

    private static void send(Page page, String text) {
        chatInput(page).fill(text);
        button(page, "Send").click();
        assertThat(chatMessages(page).filter(hasText(text))).hasCount(1);
    }

    private static Locator.FilterOptions hasText(String text) {
        return new Locator.FilterOptions().setHasText(text);
    }

    /** Every message once, in the order sent. */
    private static void chatIsWhole(Page page, String... texts) {
        assertThat(chatMessages(page)).hasCount(texts.length, new LocatorAssertions.HasCountOptions().setTimeout(30_000));
        List<String> shown = chatMessages(page).allTextContents();
        for (int i = 0; i < texts.length; i++) {
            assertThat(shown.get(i)).contains(texts[i]);
        }
    }

    private String seatNode(long appointmentId, String email) {
        return database.queryForObject("""
                select s.node_id from room_seat s join user_account u on u.id = s.account_id
                where s.appointment_id = ? and u.email = ?""", String.class, appointmentId, email);
    }

    /** Waits until the page (reloaded) shows the other participant's video again; returns the time since {@code since}. */
    private static long millisUntilVideo(Page page, long since) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (framesDecoded(page) > 0) {
                return (System.nanoTime() - since) / 1_000_000;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No video of the other participant within 90 s");
    }

    /** The node's own figures of the bus: delivery latency of the other node's events. */
    private static void printDeliveryLatency(MediScanNode node) throws Exception {
        String metrics = node.metrics();
        assertThat(metrics).contains("mediscan_room_bus_delivery_seconds", "mediscan_signin_remembered_total", "mediscan_rooms_live");
        Matcher quantile = Pattern.compile("mediscan_room_bus_delivery_seconds\\{[^}]*quantile=\"(0\\.5|0\\.99)\"[^}]*} (\\S+)")
                .matcher(metrics);
        StringBuilder figures = new StringBuilder();
        while (quantile.find()) {
            figures.append(" p").append(quantile.group(1).equals("0.5") ? "50" : "99").append(' ')
                    .append("%.1f ms".formatted(Double.parseDouble(quantile.group(2)) * 1000));
        }
        Matcher count = Pattern.compile("mediscan_room_bus_delivery_seconds_count(\\{[^}]*})? (\\S+)").matcher(metrics);
        System.out.printf("[cluster failover] %s: %s events from the other node, delivery%s%n", node.name(),
                count.find() ? count.group(2) : "?", figures);
    }
}
