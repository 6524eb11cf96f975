package com.mediscan.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * HAProxy (/usr/sbin/haproxy, or HAPROXY_PATH) running the repository's {@code deploy/haproxy.cfg}
 * as it stands, in front of two nodes; only the addresses come from its environment variables.
 */
public final class Balancer implements AutoCloseable {

    private final int port;
    private final Process process;
    private final Path log;

    private Balancer(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    public static Balancer start(MediScanNode nodeA, MediScanNode nodeB, Path directory) throws IOException {
        int port = MediScanNode.freePort();
        Path log = directory.resolve("haproxy.log");
        ProcessBuilder haproxy = new ProcessBuilder(System.getenv().getOrDefault("HAPROXY_PATH", "/usr/sbin/haproxy"),
                "-db", "-f", Path.of("deploy/haproxy.cfg").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        haproxy.environment().put("MEDISCAN_BALANCER_BIND", "127.0.0.1:" + port);
        haproxy.environment().put("MEDISCAN_NODE_A", nodeA.address());
        haproxy.environment().put("MEDISCAN_NODE_B", nodeB.address());
        return new Balancer(port, haproxy.start(), log);
    }

    /** Waits until the balancer hands out both nodes' stickiness cookies, i.e. its health checks found both up. */
    public Balancer awaitBothNodes(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Set<String> seen = new HashSet<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && seen.size() < 2) {
            if (!process.isAlive()) {
                throw new IllegalStateException("HAProxy stopped; see " + log);
            }
            try {
                http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(), HttpResponse.BodyHandlers.discarding())
                        .headers().allValues("Set-Cookie").stream()
                        .filter(cookie -> cookie.startsWith("SERVERID=")).map(cookie -> cookie.substring(9, cookie.indexOf(';')))
                        .forEach(seen::add);
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(200);
        }
        if (seen.size() < 2) {
            throw new IllegalStateException("HAProxy sent requests only to " + seen + "; see " + log);
        }
        return this;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
