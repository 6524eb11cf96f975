package com.mediscan.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
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
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectProvider<LogoutHandler> logoutHandlers) throws Exception {
        http.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()));
        http.headers(SecurityHeaders::apply);
        // VaadinSecurityConfigurer denies every path that is not Vaadin's; the FHIR API (fhir.web)
        // is for signed-in users, who its service checks record by record. Its CapabilityStatement
        // holds no patient data and is public, as FHIR clients read it before signing in.
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers(HttpMethod.GET, "/fhir/metadata").permitAll()
                .requestMatchers(HttpMethod.GET, "/fhir/**").authenticated());
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> {
            vaadin.loginView(LoginView.class, "/login");
            logoutHandlers.orderedStream().forEach(vaadin::addLogoutHandler);
        }).build();
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
