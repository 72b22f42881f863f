package dk.vaerdig.access.internal;

import java.time.Duration;

import javax.sql.DataSource;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dk.vaerdig.access.AccessSettings;

/**
 * Sessions in PostgreSQL ({@code spring_session}, table made by Flyway), so several app nodes share them, through
 * {@link QuietSessions}: read once a request, written only when changed or when the last-access time is
 * {@code vaerdig.access.session-touch-interval} old. This replaces Spring Boot's auto-configured Spring Session JDBC
 * (which backs off when a {@code SessionRepository} bean exists); Spring Session JDBC's repository still does every
 * read and write, with the same tables, idle timeout ({@code spring.session.timeout}), serialization and clean-up of
 * expired sessions (every minute). The cookies are {@link SessionCookies}'.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class SessionStore {

	@Bean
	JdbcIndexedSessionRepository jdbcSessionRepository(DataSource dataSource, PlatformTransactionManager transactions,
			@Value("${spring.session.timeout:30m}") Duration timeout) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.afterPropertiesSet();
		TransactionTemplate tx = new TransactionTemplate(transactions);
		tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		tx.afterPropertiesSet();
		JdbcIndexedSessionRepository repository = new JdbcIndexedSessionRepository(jdbc, new SessionTransactions(tx));
		repository.setDefaultMaxInactiveInterval(timeout);
		ClassLoader classLoader = SessionStore.class.getClassLoader();
		GenericConversionService conversion = new GenericConversionService();
		conversion.addConverter(Object.class, byte[].class, new SerializingConverter());
		conversion.addConverter(byte[].class, Object.class, new DeserializingConverter(classLoader));
		repository.setConversionService(conversion);
		return repository;
	}

	@Bean
	@Primary
	QuietSessions sessionRepository(JdbcIndexedSessionRepository jdbc, AccessSettings settings) {
		return new QuietSessions(jdbc, settings.sessionTouchInterval());
	}

	/** Keeps a request's sessions for the request (see {@link QuietSessions}), around Spring Session's filter. */
	@Bean
	FilterRegistrationBean<Filter> sessionsOfTheRequest() {
		Filter filter = (ServletRequest request, ServletResponse response, FilterChain chain) -> {
			boolean opened = QuietSessions.openRequest();
			try {
				chain.doFilter(request, response);
			}
			finally {
				if (opened) {
					QuietSessions.closeRequest();
				}
			}
		};
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC,
				DispatcherType.FORWARD, DispatcherType.INCLUDE);
		return registration;
	}
}
