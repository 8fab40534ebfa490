package dev.tangram.runtime.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import dev.tangram.engine.access.OrgDirectory;
import dev.tangram.runtime.ui.shell.LoginView;
import dev.tangram.runtime.api.errors.ErrorResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API is never open: everything under {@code /api} needs a bearer token (login and the
 * health/OpenAPI documents excepted); GET needs the {@code read} scope, other methods
 * {@code write}. Bearer tokens are not sent by browsers on their own, so CSRF protection is not
 * needed for the API; the browser UI (second chain) uses a session and CSRF tokens.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  /** Platform admins with a token that may write. */
  private static final AuthorizationManager<RequestAuthorizationContext> ADMIN_WRITE = AuthorizationManagers.allOf(
      AuthorityAuthorizationManager.hasRole("ADMIN"), AuthorityAuthorizationManager.hasAuthority("SCOPE_write"));

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /**
   * Inbound trigger calls ({@code /hooks/{token}}) come from other systems: no session, no CSRF
   * token, no API bearer token. They are authenticated by the trigger itself (Standard Webhooks
   * signature or the trigger's own bearer token), which needs the raw body, so it happens in the
   * endpoint, not in a filter.
   */
  @Bean
  @Order(0)
  SecurityFilterChain hookSecurity(HttpSecurity http) throws Exception {
    http
        .securityMatcher("/hooks/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(b -> b.disable())
        .formLogin(f -> f.disable())
        .anonymous(Customizer.withDefaults())
        .authorizeHttpRequests(a -> a.requestMatchers(HttpMethod.POST, "/hooks/*").permitAll().anyRequest().denyAll());
    return http.build();
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiSecurity(HttpSecurity http, ApiTokenService tokens, OrgDirectory directory, JsonMapper json,
      ObjectProvider<SecurityContextHolderStrategy> contexts) throws Exception {
    http
        .securityMatcher("/api/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(b -> b.disable())
        .formLogin(f -> f.disable())
        .anonymous(Customizer.withDefaults())
        .addFilterBefore(new BearerTokenFilter(tokens, directory, contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy)), UsernamePasswordAuthenticationFilter.class)
        .authorizeHttpRequests(a -> a
            .requestMatchers("/api/v1/auth/login", "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**").permitAll()
            .requestMatchers("/api/v1/audit").hasRole("ADMIN")
            .requestMatchers(HttpMethod.POST, "/api/v1/apps").access(ADMIN_WRITE)
            .requestMatchers(HttpMethod.DELETE, "/api/v1/apps/*").access(ADMIN_WRITE)
            .requestMatchers(HttpMethod.GET, "/api/**").hasAuthority("SCOPE_read")
            .requestMatchers("/api/v1/users/**", "/api/v1/departments/**", "/api/v1/roles/**").access(ADMIN_WRITE)
            .requestMatchers("/api/**").hasAuthority("SCOPE_write")
            .anyRequest().authenticated())
        .exceptionHandling(e -> e
            .authenticationEntryPoint((request, response, ex) -> unauthenticated(request, response, json))
            .accessDeniedHandler((request, response, ex) -> {
              log.warn("Refused {} {} for {}: missing scope or role", request.getMethod(), request.getRequestURI(),
                  request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName());
              write(response, json, HttpServletResponse.SC_FORBIDDEN,
                  ErrorResponse.of("Authorization", "forbidden", "This token may not do that (missing scope or permission)"));
            }));
    return http.build();
  }

  /**
   * Everything else is the browser UI (Vaadin): form login on the Vaadin login view with a
   * session, CSRF protection on every state-changing request (Vaadin's own requests carry its
   * token), the same lock-out as the API login; views say who may open them by annotation.
   */
  @Bean
  @Order(2)
  SecurityFilterChain uiSecurity(HttpSecurity http, RequestUtil vaadinRequests) throws Exception {
    // The password check is ThrottledPasswordAuthentication, the one global provider; adding it here
    // too would make Spring try it twice per attempt and count every wrong password twice.
    http
        .authorizeHttpRequests(a -> a.requestMatchers("/styles/**", "/error").permitAll())
        // Vaadin would also exempt the login POST from CSRF; we keep it protected (login CSRF) and
        // exempt only Vaadin's own requests, which carry Vaadin's per-UI security key instead.
        .csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest))
        .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class, "/login").enableCsrfConfiguration(false));
    return http.build();
  }

  private static void unauthenticated(HttpServletRequest request, HttpServletResponse response, JsonMapper json) throws IOException {
    if (request.getHeader("Authorization") != null) {
      log.warn("Refused {} {}: unknown, expired or revoked token", request.getMethod(), request.getRequestURI());
    }
    write(response, json, HttpServletResponse.SC_UNAUTHORIZED,
        ErrorResponse.of("Authorization", "unauthenticated", "Log in (POST /api/v1/auth/login) and send 'Authorization: Bearer <token>'"));
  }

  private static void write(HttpServletResponse response, JsonMapper json, int status, ErrorResponse body) throws IOException {
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    json.writeValue(response.getOutputStream(), body);
  }
}
