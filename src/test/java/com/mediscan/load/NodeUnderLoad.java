package com.mediscan.load;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * The MediScan node the load runs against: either one this class starts (the production jar in its
 * own JVM, profile {@code prod}, on a fresh PostgreSQL database it creates and drops), so that its
 * heap and CPU can be measured on their own, or a node at a given URL (then only with a given pid).
 * A node it starts is launched the fastest documented way there is for the jar ({@link Launch#fastest}).
 */
final class NodeUnderLoad implements AutoCloseable {

    /** Where {@code deploy/aot-cache.sh} puts the extracted jar and its AOT cache by default. */
    static final Path AOT_DIR = Path.of("target", "aot");
    private static final Pattern HISTOGRAM_TOTAL = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

    final URI url;
    final String jdbcUrl;
    final Duration coldStart;
    /** The node's own CPU time (user + system) until it first served {@code /login}. */
    final Duration coldStartCpu;
    final Launch launch;
    private final Process process;
    private final long pid;
    private final String createdDatabase;
    private final String adminJdbcUrl;
    private final Path workDir;

    /**
     * How the jar is started: plainly ({@code java -jar}), extracted ({@code java -Djarmode=tools -jar … extract}),
     * or extracted with the JDK AOT cache that {@code deploy/aot-cache.sh} wrote beside it. With the cache the
     * JVM is told {@code -XX:AOTMode=on}, so a cache it cannot use stops the start instead of slowing it silently.
     */
    record Launch(String name, List<String> javaArgs) {

        static final String CACHE = "mediscan.aot";

        static Launch plain(Path jar) {
            return new Launch("plain jar", List.of("-jar", jar.toAbsolutePath().toString()));
        }

        /** The jar as {@code deploy/aot-cache.sh} extracted it into {@code dir}, without its cache. */
        static Launch extracted(Path dir, Path jar) {
            return new Launch("extracted jar", List.of("-jar", dir.resolve(jar.getFileName()).toAbsolutePath().toString()));
        }

        static Launch withCache(Path dir, Path jar) {
            return new Launch("extracted jar with AOT cache " + dir.resolve(CACHE), List.of("-XX:AOTMode=on",
                    "-XX:AOTCache=" + dir.resolve(CACHE).toAbsolutePath(), "-jar", dir.resolve(jar.getFileName()).toAbsolutePath().toString()));
        }

        /**
         * With the AOT cache when {@code dir} holds one made from a jar with this jar's contents (the
         * SHA-256 in {@code mediscan.aot.jar-content}), else the plain jar, saying why.
         */
        static Launch fastest(Path jar, Path dir) throws IOException {
            Path stamp = dir.resolve(CACHE + ".jar-content");
            if (!Files.exists(dir.resolve(CACHE)) || !Files.exists(stamp)) {
                return new Launch("plain jar (no AOT cache in " + dir + "; deploy/aot-cache.sh makes one)", plain(jar).javaArgs());
            }
            if (!Files.readString(stamp).strip().equals(contentHash(jar))) {
                return new Launch("plain jar (the AOT cache in " + dir + " is of another build; run deploy/aot-cache.sh again)",
                        plain(jar).javaArgs());
            }
            return withCache(dir, jar);
        }

        /** As deploy/aot-cache.sh computes it: SHA-256 of the sorted lines "crc32 name" of the jar's entries. */
        static String contentHash(Path jar) throws IOException {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                String listing = zip.stream().map(entry -> String.format(Locale.ROOT, "%08x %s", entry.getCrc(), entry.getName()))
                        .sorted().collect(Collectors.joining("\n", "", "\n"));
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(listing.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException missing) {
                throw new IllegalStateException(missing);
            }
        }
    }

    private NodeUnderLoad(URI url, String jdbcUrl, Duration coldStart, Duration coldStartCpu, Launch launch, Process process,
                          long pid, String createdDatabase, String adminJdbcUrl, Path workDir) {
        this.url = url;
        this.jdbcUrl = jdbcUrl;
        this.coldStart = coldStart;
        this.coldStartCpu = coldStartCpu;
        this.launch = launch;
        this.process = process;
        this.pid = pid;
        this.createdDatabase = createdDatabase;
        this.adminJdbcUrl = adminJdbcUrl;
        this.workDir = workDir;
    }

    /** The production jar {@code ./mvnw package} built. */
    static Path builtJar() throws IOException {
        try (Stream<Path> built = Files.list(Path.of("target"))) {
            return built.filter(path -> path.getFileName().toString().matches("mediscan-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No production jar in target/: run through ./mvnw verify -Pload"));
        }
    }

    static NodeUnderLoad at(URI url, String jdbcUrl, long pid) {
        return new NodeUnderLoad(url, jdbcUrl, null, null, null, null, pid, null, null, null);
    }

    /**
     * Creates the database {@code database} on the PostgreSQL server of {@code serverJdbcUrl} and
     * starts the production jar on it as {@code launch} says, timing the cold start until {@code /login} answers 200.
     */
    static NodeUnderLoad start(Launch launch, String serverJdbcUrl, String dbUser, String dbPassword, String database,
                               String adminEmail, String adminPassword, List<String> jvmArgs, List<String> appArgs)
            throws Exception {
        try (var connection = DriverManager.getConnection(serverJdbcUrl, dbUser, dbPassword);
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        String jdbcUrl = serverJdbcUrl.replaceFirst("/[^/?]*(\\?.*)?$", "/" + database);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path workDir = Files.createDirectories(Path.of("target", "load-node", database));
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmArgs);
        command.addAll(launch.javaArgs());
        command.add("--spring.profiles.active=prod");
        command.add("--server.port=" + port);
        command.addAll(appArgs);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("server.log").toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", jdbcUrl);
        builder.environment().put("SPRING_DATASOURCE_USERNAME", dbUser);
        builder.environment().put("SPRING_DATASOURCE_PASSWORD", dbPassword);
        builder.environment().put("MEDISCAN_ADMIN_EMAIL", adminEmail);
        builder.environment().put("MEDISCAN_ADMIN_PASSWORD", adminPassword);
        long started = System.nanoTime();
        Process process = builder.start();
        URI url = URI.create("http://127.0.0.1:" + port + "/");
        NodeUnderLoad node = new NodeUnderLoad(url, jdbcUrl, null, null, launch, process, process.pid(), database, serverJdbcUrl,
                workDir);
        try {
            Duration coldStart = awaitLogin(url, process, started, workDir.resolve("server.log"));
            return new NodeUnderLoad(url, jdbcUrl, coldStart, node.cpuTime(), launch, process, process.pid(), database,
                    serverJdbcUrl, workDir);
        } catch (Exception failed) {
            node.close();
            throw failed;
        }
    }

    private static Duration awaitLogin(URI url, Process process, long started, Path serverLog) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = started + Duration.ofMinutes(6).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                List<String> log = Files.readAllLines(serverLog);
                throw new IllegalStateException("The node exited with " + process.exitValue() + " during start; its log ends:\n"
                        + String.join("\n", log.subList(Math.max(0, log.size() - 15), log.size())));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url.resolve("/login")).timeout(Duration.ofSeconds(2))
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - started);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("The node did not serve /login within 6 minutes");
    }

    boolean isMeasurable() {
        return pid > 0;
    }

    /** Bytes of live objects: {@code GC.class_histogram} counts after a full collection. */
    long liveHeapBytes() throws IOException, InterruptedException {
        return liveBytes(classHistogram());
    }

    /** The total of a class histogram taken after a full collection. */
    static long liveBytes(String histogram) {
        Matcher total = HISTOGRAM_TOTAL.matcher(histogram);
        if (!total.find()) {
            throw new IllegalStateException("No total in the class histogram");
        }
        return Long.parseLong(total.group(2));
    }

    String classHistogram() throws IOException, InterruptedException {
        jcmd("GC.run");
        return jcmd("GC.class_histogram");
    }

    String heapInfo() throws IOException, InterruptedException {
        return jcmd("GC.heap_info");
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process run = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command).redirectErrorStream(true).start();
        String output = new String(run.getInputStream().readAllBytes());
        if (!run.waitFor(2, TimeUnit.MINUTES) || run.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + output);
        }
        return output;
    }

    /** User plus system CPU time of the node's process so far. */
    Duration cpuTime() throws IOException {
        return CpuShares.processTime(pid);
    }

    /** The node's process id on this machine, or -1 for a node at a given URL without one. */
    long pid() {
        return pid;
    }

    Optional<Integer> threads() throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(line -> line.startsWith("Threads:")).map(line -> Integer.parseInt(line.substring(8).strip())).findFirst();
    }

    Path log() {
        return workDir == null ? null : workDir.resolve("server.log");
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
        if (createdDatabase != null && !Boolean.getBoolean("load.keep-db")) {
            try (var connection = DriverManager.getConnection(adminJdbcUrl, System.getProperty("load.db-user", "postgres"),
                    System.getProperty("load.db-password", ""));
                 var statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + createdDatabase + " WITH (FORCE)");
            }
        }
    }
}
