package com.mediscan.consultation.service.cluster;

import com.mediscan.consultation.service.SeatStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rooms shared by every node on the same PostgreSQL: the LISTEN/NOTIFY bus, the seat table, the node leases. */
@Configuration(proxyBeanMethods = false)
@Conditional(ClusterMode.Shared.class)
class ClusterConfiguration {

    @Bean(destroyMethod = "close")
    PostgresRoomBus roomBus(DataSource dataSource, DataSourceProperties database, ClusterNode node, MeterRegistry meters)
            throws InterruptedException {
        Properties listenerProperties = new Properties();
        listenerProperties.setProperty("user", database.determineUsername());
        if (database.determinePassword() != null) {
            listenerProperties.setProperty("password", database.determinePassword());
        }
        listenerProperties.setProperty("tcpKeepAlive", "true");
        listenerProperties.setProperty("ApplicationName", "mediscan room bus " + node.id());
        String url = database.determineUrl();
        PostgresRoomBus bus = new PostgresRoomBus(dataSource, () -> DriverManager.getConnection(url, listenerProperties), node.id(), meters);
        bus.awaitListening(Duration.ofSeconds(10));
        return bus;
    }

    @Bean
    SeatStore seatStore(DataSource dataSource, ClusterNode node) {
        return new SharedSeatStore(new JdbcTemplate(dataSource), node.id());
    }

    @Bean(destroyMethod = "close")
    NodeLeases nodeLeases(DataSource dataSource, ClusterNode node, PostgresRoomBus bus,
                          @Value("${mediscan.cluster.heartbeat:PT2S}") Duration heartbeat,
                          @Value("${mediscan.cluster.lease:PT10S}") Duration lease) {
        return new NodeLeases(new JdbcTemplate(dataSource), node.id(), bus, heartbeat, lease);
    }
}
