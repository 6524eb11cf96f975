package com.mediscan.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.account.service.AccountAdministration;
import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.audit.service.AuditService;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.SecurityTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Audited operations record while they hold a connection of their own transaction. With more of
 * them at once than the pool has connections, each must still get its audit record written: the
 * audit trail may not wait for the connections the audited operations hold (the pool here is two
 * connections, and a connection is given up on after two seconds). The audit pool is one
 * connection, given back after each event, not kept until the audited transaction ends.
 */
@SpringBootTest(properties = {"spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=2000",
        "mediscan.audit.pool-size=1"})
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
    @Autowired
    AuditService audit;
    @Autowired
    PlatformTransactionManager transactionManager;

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

    @Test
    void twoAuditedTransactionsAtOnceShareOneAuditConnection() throws Exception {
        CyclicBarrier bothRecorded = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> transactions = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                transactions.add(threads.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                    audit.recordFor(null, null, AuditAction.VIEW_OPENED, AuditOutcome.ALLOWED,
                            AuditService.Subject.none(), "audited inside a transaction");
                    // Each holds its transaction open until the other has recorded too.
                    try {
                        bothRecorded.await(10, TimeUnit.SECONDS);
                    } catch (Exception notBoth) {
                        throw new AssertionError("the other transaction could not record its event", notBoth);
                    }
                })));
            }
            for (Future<?> done : transactions) {
                done.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private long deniedListings() {
        return events.findByActorEmailOrderByIdAsc(DemoUsers.KRIYA).stream()
                .filter(event -> event.getAction() == AuditAction.VIEW_OPENED && event.getOutcome() == AuditOutcome.DENIED)
                .count();
    }
}
