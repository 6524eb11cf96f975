package com.mediscan.load;

import com.mediscan.load.NodeUnderLoad.Launch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * How long the production jar takes from launch to serving {@code /login} on a fresh PostgreSQL
 * database, each documented way: the plain jar, the extracted jar, and the extracted jar with the JDK
 * AOT cache of {@code deploy/aot-cache.sh} from either training (a served {@code /login}, or only the
 * refreshed context). The ways take turns, {@code startup.runs} rounds, so a busy machine slows all
 * alike; each start prints its wall time and the node's own CPU time (user + system), then the medians.
 * Prints figures only, asserts nothing about them: {@code ./mvnw verify -Pstartup [-Dstartup.runs=N]}.
 */
class ColdStartMeasurement {

    private static final int RUNS = Integer.getInteger("startup.runs", 3);
    private static final Path WORK = Path.of("target", "cold-start");
    private static final String ADMIN_EMAIL = "cold-start-admin@load.test";
    private static final String ADMIN_PASSWORD = "cold start admin password 2026";

    private final String server = System.getProperty("load.db-server", System.getenv().getOrDefault("MEDISCAN_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test"));
    private final String dbUser = System.getProperty("load.db-user", "postgres");
    private final String dbPassword = System.getProperty("load.db-password", "");
    private final String dbPrefix = System.getProperty("load.db-prefix", "mediscan_cold_") + ProcessHandle.current().pid() + "_";
    private int databases;

    private record Start(double seconds, double cpuSeconds) {
    }

    @Test
    void coldStartEachWay() throws Exception {
        Path jar = NodeUnderLoad.builtJar();
        String loadBefore = loadAverage();
        Path login = WORK.resolve("login");
        Path refresh = WORK.resolve("refresh");
        train(jar, login, "login");
        train(jar, refresh, "refresh");
        Map<String, Launch> ways = new LinkedHashMap<>();
        ways.put("plain jar", Launch.plain(jar));
        ways.put("extracted jar", Launch.extracted(login, jar));
        ways.put("extracted + AOT cache (refresh)", Launch.withCache(refresh, jar));
        ways.put("extracted + AOT cache (login)", Launch.withCache(login, jar));
        Map<String, List<Start>> starts = new LinkedHashMap<>();
        for (int round = 1; round <= RUNS; round++) {
            for (Map.Entry<String, Launch> way : ways.entrySet()) {
                try (NodeUnderLoad node = NodeUnderLoad.start(way.getValue(), server, dbUser, dbPassword, nextDatabase(),
                        ADMIN_EMAIL, ADMIN_PASSWORD, List.of(), List.of())) {
                    Start start = new Start(node.coldStart.toMillis() / 1000.0, node.coldStartCpu.toMillis() / 1000.0);
                    starts.computeIfAbsent(way.getKey(), key -> new ArrayList<>()).add(start);
                    System.out.printf(Locale.ROOT, "round %d, %s: /login after %.1f s, %.1f s of CPU (load average %s)%n",
                            round, way.getKey(), start.seconds(), start.cpuSeconds(), loadAverage());
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nCold start to /login on a fresh PostgreSQL database, %d runs each, %d cores, JDK %s;"
                + " load average before %s, after %s%n", RUNS, Runtime.getRuntime().availableProcessors(),
                Runtime.version(), loadBefore, loadAverage());
        System.out.printf(Locale.ROOT, "%-34s %9s %7s %7s %11s%n", "", "median s", "min s", "max s", "median CPU s");
        for (Map.Entry<String, List<Start>> way : starts.entrySet()) {
            double[] seconds = way.getValue().stream().mapToDouble(Start::seconds).sorted().toArray();
            double[] cpu = way.getValue().stream().mapToDouble(Start::cpuSeconds).sorted().toArray();
            System.out.printf(Locale.ROOT, "%-34s %9.1f %7.1f %7.1f %11.1f%n", way.getKey(), median(seconds), seconds[0],
                    seconds[seconds.length - 1], median(cpu));
        }
        ways.forEach((name, way) -> System.out.printf("  %s: java %s --spring.profiles.active=prod%n", name,
                String.join(" ", way.javaArgs())));
    }

    /** deploy/aot-cache.sh on a database of its own, as documented. */
    private void train(Path jar, Path dir, String training) throws Exception {
        String database = nextDatabase();
        execute("CREATE DATABASE " + database);
        try {
            ProcessBuilder script = new ProcessBuilder("deploy/aot-cache.sh", "--training=" + training, jar.toString(), dir.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT);
            script.environment().put("JAVA_HOME", System.getProperty("java.home"));
            script.environment().put("SPRING_DATASOURCE_URL", server.replaceFirst("/[^/?]*(\\?.*)?$", "/" + database));
            script.environment().put("SPRING_DATASOURCE_USERNAME", dbUser);
            script.environment().put("SPRING_DATASOURCE_PASSWORD", dbPassword);
            script.environment().put("MEDISCAN_ADMIN_EMAIL", ADMIN_EMAIL);
            script.environment().put("MEDISCAN_ADMIN_PASSWORD", ADMIN_PASSWORD);
            long started = System.nanoTime();
            Process run = script.start();
            if (!run.waitFor(15, TimeUnit.MINUTES) || run.exitValue() != 0) {
                run.destroyForcibly();
                throw new IllegalStateException("deploy/aot-cache.sh --training=" + training + " failed");
            }
            System.out.printf(Locale.ROOT, "training (%s) took %.0f s%n", training, (System.nanoTime() - started) / 1e9);
        } finally {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private String nextDatabase() {
        return dbPrefix + (++databases);
    }

    private void execute(String sql) throws Exception {
        try (var connection = DriverManager.getConnection(server, dbUser, dbPassword);
             var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static double median(double[] sorted) {
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).strip().split(" ");
            return fields[0] + " " + fields[1];
        } catch (Exception unreadable) {
            return "?";
        }
    }
}
