package com.mediscan.audit;

import static com.mediscan.support.SecurityTestSupport.actAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditEvent;
import com.mediscan.audit.domain.AuditEventRepository;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.audit.service.AuditFilter;
import com.mediscan.audit.service.AuditService;
import com.mediscan.audit.service.AuditTrail;
import com.mediscan.base.NotFoundOrDeniedException;
import com.mediscan.support.DemoUsers;
import com.mediscan.support.MediScanSpringTest;
import com.mediscan.support.SecurityTestSupport;
import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

@MediScanSpringTest
class AuditTrailTest {

    @Autowired
    AuditService audit;
    @Autowired
    AuditTrail trail;
    @Autowired
    AuditEventRepository events;
    @Autowired
    EntityManager entityManager;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    UserDetailsService users;

    private String marker;

    @BeforeEach
    void recordSomeEvents() {
        marker = "audit-" + UUID.randomUUID() + "@example.com";
        audit.recordFor(null, marker, AuditAction.SIGN_IN, AuditOutcome.DENIED, AuditService.Subject.none(), "BadCredentialsException");
        audit.recordFor(7L, marker, AuditAction.SIGN_IN, AuditOutcome.ALLOWED, AuditService.Subject.none(), null);
        audit.recordFor(7L, marker, AuditAction.RECORD_VIEWED, AuditOutcome.ALLOWED,
                new AuditService.Subject("appointment", 99L, 4242L), "=HYPERLINK(\"http://evil.example\",\"click\")");
    }

    @AfterEach
    void signOut() {
        SecurityTestSupport.signOut();
    }

    @Test
    void theRepositoryOffersNoWayToChangeOrRemoveEvents() {
        assertThat(Arrays.stream(AuditEventRepository.class.getMethods()).map(Method::getName))
                .isNotEmpty()
                .allMatch(name -> name.equals("save") || name.startsWith("find") || name.startsWith("count"));
    }

    @Test
    void theEntityIsImmutableAndNoColumnIsUpdatable() {
        assertThat(AuditEvent.class.isAnnotationPresent(Immutable.class)).isTrue();
        assertThat(Arrays.stream(AuditEvent.class.getDeclaredFields()).filter(field -> field.isAnnotationPresent(Column.class)))
                .isNotEmpty()
                .allMatch(field -> !field.getAnnotation(Column.class).updatable());
        assertThat(Arrays.stream(AuditEvent.class.getDeclaredMethods()).map(Method::getName)).noneMatch(name -> name.startsWith("set"));
    }

    @Test
    void changingALoadedEventThroughJpaChangesNothingInTheDatabase() throws Exception {
        AuditEvent stored = events.findByActorEmailOrderByIdAsc(marker).getLast();
        Field detail = AuditEvent.class.getDeclaredField("detail");
        detail.setAccessible(true);
        Field outcome = AuditEvent.class.getDeclaredField("outcome");
        outcome.setAccessible(true);

        transactions.executeWithoutResult(tx -> {
            AuditEvent managed = entityManager.find(AuditEvent.class, stored.getId());
            try {
                detail.set(managed, "rewritten");
                outcome.set(managed, AuditOutcome.DENIED);
            } catch (IllegalAccessException impossible) {
                throw new AssertionError(impossible);
            }
            entityManager.merge(managed);
            entityManager.flush();
        });

        AuditEvent reloaded = events.findByActorEmailOrderByIdAsc(marker).getLast();
        assertThat(reloaded.getDetail()).isEqualTo(stored.getDetail());
        assertThat(reloaded.getOutcome()).isEqualTo(AuditOutcome.ALLOWED);
    }

    @Test
    void bulkUpdateDeleteAndNativeStatementsAreRefused() {
        AuditEvent stored = events.findByActorEmailOrderByIdAsc(marker).getFirst();
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> entityManager
                .createQuery("update AuditEvent e set e.detail = 'rewritten' where e.id = :id")
                .setParameter("id", stored.getId()).executeUpdate()))
                .hasMessageContaining("immutable");
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> entityManager
                .createQuery("delete from AuditEvent e where e.id = :id")
                .setParameter("id", stored.getId()).executeUpdate()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> entityManager
                .createNativeQuery("UPDATE audit_event SET detail = 'rewritten'").executeUpdate()))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> entityManager
                .createNativeQuery("delete from audit_event").executeUpdate()))
                .hasMessageContaining("append-only");
        assertThat(events.findByActorEmailOrderByIdAsc(marker)).hasSize(3)
                .allMatch(event -> !"rewritten".equals(event.getDetail()));
    }

    @Test
    void administratorsFilterByUserActionOutcomePatientAndPeriod() {
        actAs(users, DemoUsers.ADMIN);
        Instant now = Instant.now();
        assertThat(trail.count(new AuditFilter(marker.toUpperCase(), null, null, null, null, null))).isEqualTo(3);
        assertThat(trail.find(new AuditFilter(marker, null, AuditAction.SIGN_IN, AuditOutcome.DENIED, null, null), 0, 10))
                .singleElement().satisfies(event -> assertThat(event.getActorAccountId()).isNull());
        assertThat(trail.find(new AuditFilter(marker, 4242L, null, null, null, null), 0, 10))
                .singleElement().satisfies(event -> assertThat(event.getAction()).isEqualTo(AuditAction.RECORD_VIEWED));
        assertThat(trail.count(new AuditFilter(marker, null, null, null, now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))))).isEqualTo(3);
        assertThat(trail.count(new AuditFilter(marker, null, null, null, null, now.minus(Duration.ofHours(1))))).isZero();
        assertThat(trail.count(new AuditFilter("%", null, null, null, null, null))).as("wildcards are literal").isZero();
        assertThat(trail.find(new AuditFilter(marker, null, null, null, null, null), 0, 10))
                .extracting(AuditEvent::getId).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void theCsvExportHoldsTheFilteredRowsDefusedAndIsItselfAudited() throws Exception {
        actAs(users, DemoUsers.ADMIN);
        StringWriter csv = new StringWriter();

        long rows = trail.exportCsv(new AuditFilter(marker, null, null, null, null, null), csv);

        assertThat(rows).isEqualTo(3);
        String[] lines = csv.toString().split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("id,occurred_at_utc,actor_account_id,actor_email,action,outcome,patient_account_id,"
                + "patient_name,record_type,record_id,remote_address,detail");
        assertThat(lines[1]).contains(",RECORD_VIEWED,ALLOWED,4242,,appointment,99,")
                .endsWith(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"");
        assertThat(events.findByActorEmailOrderByIdAsc(DemoUsers.ADMIN).getLast()).satisfies(exported -> {
            assertThat(exported.getAction()).isEqualTo(AuditAction.AUDIT_EXPORTED);
            assertThat(exported.getDetail()).isEqualTo("3 rows; user~" + marker);
        });
    }

    @Test
    void onlyAdministratorsReadTheTrailAndRefusalsAreRecorded() {
        for (String outsider : new String[] {DemoUsers.KRIYA, DemoUsers.RAJESH}) {
            actAs(users, outsider);
            assertThatThrownBy(() -> trail.count(AuditFilter.everything())).isInstanceOf(NotFoundOrDeniedException.class);
            assertThatThrownBy(() -> trail.exportCsv(AuditFilter.everything(), new StringWriter())).isInstanceOf(NotFoundOrDeniedException.class);
            assertThat(events.findByActorEmailOrderByIdAsc(outsider)).filteredOn(e -> e.getOutcome() == AuditOutcome.DENIED)
                    .extracting(AuditEvent::getAction, AuditEvent::getRecordType)
                    .contains(org.assertj.core.groups.Tuple.tuple(AuditAction.VIEW_OPENED, "audit_trail"),
                            org.assertj.core.groups.Tuple.tuple(AuditAction.AUDIT_EXPORTED, "audit_trail"));
        }
    }

}
