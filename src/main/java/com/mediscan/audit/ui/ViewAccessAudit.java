package com.mediscan.audit.ui;

import com.mediscan.audit.domain.AuditAction;
import com.mediscan.audit.domain.AuditOutcome;
import com.mediscan.audit.service.AuditService;
import com.vaadin.flow.server.auth.AccessCheckDecision;
import com.vaadin.flow.server.auth.AccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.AccessCheckResult;
import com.vaadin.flow.server.auth.DefaultAccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.NavigationContext;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts every view the navigation access control refuses on the audit trail: Vaadin's own
 * decision (the views' @RolesAllowed / @PermitAll annotations), then a DENIED record with the
 * route and the person who asked, or no person for an anonymous visitor sent to sign in.
 */
@Configuration(proxyBeanMethods = false)
class ViewAccessAudit {

    @Bean
    static NavigationAccessControlConfigurer navigationAccessControlConfigurer(ObjectProvider<AuditService> audit) {
        return new NavigationAccessControlConfigurer()
                .withAnnotatedViewAccessChecker()
                .withDecisionResolver(new AuditingDecisionResolver(audit));
    }

    static final class AuditingDecisionResolver implements AccessCheckDecisionResolver {

        private final transient ObjectProvider<AuditService> audit;
        private final DefaultAccessCheckDecisionResolver vaadinDecision = new DefaultAccessCheckDecisionResolver();

        AuditingDecisionResolver(ObjectProvider<AuditService> audit) {
            this.audit = audit;
        }

        @Override
        public AccessCheckResult resolve(List<AccessCheckResult> results, NavigationContext context) {
            AccessCheckResult result = vaadinDecision.resolve(results, context);
            if (context.isNavigating() && !context.isErrorHandling() && result.decision() != AccessCheckDecision.ALLOW) {
                audit.getObject().record(AuditAction.VIEW_OPENED, AuditOutcome.DENIED, AuditService.Subject.none(),
                        "view /" + context.getLocation().getPath() + (context.getPrincipal() == null ? " (not signed in)" : ""));
            }
            return result;
        }
    }
}
