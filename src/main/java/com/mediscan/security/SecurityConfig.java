package com.mediscan.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.IpAddressAuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.logout.LogoutHandler;

@Configuration
@EnableWebSecurity
class SecurityConfig {

    /**
     * Features contribute logout handlers as beans (the audit trail records sign-outs); they run
     * before Spring Security invalidates the session, for the sign-out button
     * (AuthenticationContext.logout) as for a POST to /logout.
     */
    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<LogoutHandler> logoutHandlers,
                                            SharedRememberMeServices rememberMe,
                                            @Value("${mediscan.metrics.allowed-addresses}") List<String> metricsClients) throws Exception {
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        http.headers(SecurityHeaders::apply);
        // VaadinSecurityConfigurer denies every path that is not Vaadin's; the FHIR API (fhir.web)
        // is for signed-in users, who its service checks record by record. Its CapabilityStatement
        // holds no patient data and is public, as FHIR clients read it before signing in.
        // The balancer checks health without signing in (no details are shown); metrics are for the
        // clinic's own scraper on the node's address; the rest of Actuator is not served at all.
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(HttpMethod.GET, "/fhir/metadata").permitAll()
                .requestMatchers(HttpMethod.GET, "/fhir/**").authenticated()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                .requestMatchers("/actuator/prometheus").access(fromAnyOf(metricsClients))
                .requestMatchers("/actuator", "/actuator/**").denyAll()
                // Attachment bytes: the controller's service checks every request against the appointment.
                .requestMatchers(HttpMethod.GET, "/attachments/**").authenticated());
        http.rememberMe(remember -> remember.rememberMeServices(rememberMe).key(rememberMe.getKey()));
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
            vaadin.loginView(LoginView.class, "/login");
            logoutHandlers.orderedStream().forEach(vaadin::addLogoutHandler);
            vaadin.addLogoutHandler(rememberMe);
        }).build();
    }

    /** Every sign-in is remembered in the shared database, so losing a node costs a reload, not a sign-in. */
    @Bean
    SharedRememberMeServices rememberMeServices(AccountUserDetailsService users, RememberMeSignIns signIns, IdleTimeout idleTimeout,
                                                MeterRegistry meters) {
        return new SharedRememberMeServices(users, signIns, idleTimeout.timeout(), meters);
    }

    private static AuthorizationManager<RequestAuthorizationContext> fromAnyOf(List<String> addresses) {
        return AuthorizationManagers.anyOf(addresses.stream().map(IpAddressAuthorizationManager::hasIpAddress)
                .toArray(AuthorizationManager[]::new));
    }

    /** Ahead of everything else, including Tomcat's WebSocket upgrade filter. */
    @Bean
    FilterRegistrationBean<WebSocketOriginFilter> webSocketOriginFilter(
            @Value("${mediscan.security.allowed-origins:}") Set<String> allowedOrigins) {
        var registration = new FilterRegistrationBean<>(new WebSocketOriginFilter(allowedOrigins));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** bcrypt for new hashes; the {id} prefix lets stored hashes move to a stronger scheme later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }
}
