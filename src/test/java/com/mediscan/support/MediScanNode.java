package com.mediscan.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One MediScan node as its own JVM, started from the jar the build made (target/mediscan-*.jar) in
 * the default profile, so that a test can really kill it ({@code kill -9}) or stop it (SIGTERM).
 * Its log goes to {@code node.log} in its working directory.
 */
public final class MediScanNode implements AutoCloseable {

    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private MediScanNode(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts a node named {@code name} on the given PostgreSQL database, working in {@code directory},
     * on {@code port} (null: a free one).
     */
    public static MediScanNode start(String name, String databaseUrl, Path directory, Integer port) throws IOException {
        Files.createDirectories(directory);
        port = port != null ? port : freePort();
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar().toAbsolutePath().toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + PostgresDatabase.user(),
                "--spring.datasource.password=" + PostgresDatabase.password(),
                "--mediscan.cluster.node-id=" + name,
                "--logging.level.org.atmosphere=warn"));
        Path log = directory.resolve("node.log");
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new MediScanNode(name, port, log, process);
    }

    /** Waits until the node's readiness check passes, as the balancer's does. */
    public MediScanNode awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Node " + name + " stopped while starting:\n" + logTail());
            }
            if (isReady()) {
                return this;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Node " + name + " was not ready within " + timeout + ":\n" + logTail());
    }

    public boolean isReady() throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** What this node's metrics endpoint says (readable from the node's own machine). */
    public String metrics() throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** {@code kill -9}: the process ends at once, nothing of it runs any more. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, as an orderly shutdown for an upgrade sends it; waits for the process to end. */
    public int stop() throws InterruptedException {
        process.destroy();
        return process.waitFor();
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** host:port, as the balancer's configuration takes it. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    public String logTail() {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - 60), all.size()));
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            return "(no log: " + unreadable.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            return free.getLocalPort();
        }
    }

    private static Path jar() throws IOException {
        try (Stream<Path> built = Files.list(Path.of("target"))) {
            return built.filter(path -> path.getFileName().toString().matches("mediscan-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No target/mediscan-*.jar: the package phase builds it"));
        }
    }
}
