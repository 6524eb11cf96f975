package com.mediscan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.account.service.AccountAdministration;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.SecurityTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;

/**
 * Audited operations record while they hold a connection of their own transaction. With more of
 * them at once than the pool has connections, each must still get its audit record written: the
 * audit trail may not wait for the connections the audited operations hold (the pool here is two
 * connections, and a connection is given up on after two seconds).
 */
@SpringBootTest(properties = {"spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=2000"})
@ActiveProfiles("test")
class AuditUnderConcurrencyTest {

    private static final int THREADS = 8;
    private static final int CALLS_EACH = 20;

    @Autowired
    AccountAdministration administration;
    @Autowired
    AuditEventRepository events;
    @Autowired
    UserDetailsService users;

    @Test
    void refusalsAuditedFromMoreThreadsThanConnectionsAllGetRecorded() throws Exception {
        long before = deniedListings();
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> refusals = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                refusals.add(threads.submit(() -> {
                    SecurityTestSupport.actAs(users, DemoUsers.KRIYA);
                    try {
                        for (int call = 0; call < CALLS_EACH; call++) {
                            // A patient may not list doctors: refused and audited inside the read transaction.
                            assertThatThrownBy(() -> administration.activeDoctors()).isInstanceOf(AccessDeniedException.class);
                        }
                        return CALLS_EACH;
                    } finally {
                        SecurityTestSupport.signOut();
                    }
                }));
            }
            for (Future<Integer> done : refusals) {
                assertThat(done.get()).isEqualTo(CALLS_EACH);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(deniedListings() - before).isEqualTo(THREADS * CALLS_EACH);
    }

    private long deniedListings() {
        return events.findByActorEmailOrderByIdAsc(DemoUsers.KRIYA).stream()
                .filter(event -> event.getAction() == AuditAction.VIEW_OPENED && event.getOutcome() == AuditOutcome.DENIED)
                .count();
    }
}
