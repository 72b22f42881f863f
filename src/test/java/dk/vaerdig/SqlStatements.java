package dk.vaerdig;

import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the SQL statements of each HTTP request, all of them: the session's, the security re-check's, the audit
 * log's and the page's. {@link IntegrationTest} imports {@link Wiring}, which wraps the application's
 * {@link DataSource} in a <a href="https://github.com/jdbc-observations/datasource-proxy">datasource-proxy</a> and puts
 * a filter in front of every other (Spring Session's and Spring Security's included): each statement executed on the
 * request's thread while that filter runs belongs to the request. Statements of background jobs (the audit chainer,
 * the event registry, schedulers) run on other threads and are not counted. A JDBC batch counts as its number of
 * statements; transaction control (the driver's {@code BEGIN} / {@code COMMIT}) is not counted.
 * <p>
 * Use: {@code List<Request> requests = SqlStatements.during(() -> session.get("/cases/1"));} over real HTTP
 * ({@link WebSession}) or MockMvc alike.
 */
public final class SqlStatements {

	/** One HTTP request, the SQL it executed, in order, and how many transactions it committed. */
	public record Request(String method, String uri, int status, List<String> statements, int commits) {

		public int count() {
			return statements.size();
		}

		@Override
		public String toString() {
			return method + " " + uri + " -> " + status + ", " + commits + " commits, " + count() + " SQL statements:\n  "
					+ statements.stream().map(s -> s.replaceAll("\\s+", " ").strip()).collect(Collectors.joining("\n  "));
		}
	}

	private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();

	private static final ThreadLocal<AtomicInteger> COMMITS = new ThreadLocal<>();

	private static final ConcurrentLinkedQueue<Request> FINISHED = new ConcurrentLinkedQueue<>();

	private static final AtomicInteger RUNNING = new AtomicInteger();

	private SqlStatements() {
	}

	/**
	 * The requests that ended while {@code action} ran (waiting up to 5 s after it for those still running, since a
	 * client may have the whole answer before the server's filters have returned).
	 */
	public static List<Request> during(Runnable action) {
		FINISHED.clear();
		action.run();
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (RUNNING.get() > 0 && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		return new ArrayList<>(FINISHED);
	}

	/** The one request made by {@code action}; fails if it made none or several. */
	public static Request of(Runnable action) {
		List<Request> requests = during(action);
		if (requests.size() != 1) {
			throw new AssertionError("expected one request, got " + requests);
		}
		return requests.get(0);
	}

	/**
	 * The statements {@code action} executes on this thread, outside any request (a job called directly, such as the
	 * audit chainer); counted as for a request.
	 */
	public static List<String> onThisThread(Runnable action) {
		List<String> statements = new ArrayList<>();
		List<String> outer = CURRENT.get();
		CURRENT.set(statements);
		try {
			action.run();
		}
		finally {
			if (outer == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(outer);
			}
		}
		return statements;
	}

	private static void executed(ExecutionInfo execution, List<QueryInfo> queries) {
		List<String> statements = CURRENT.get();
		if (statements == null) {
			return;
		}
		for (QueryInfo query : queries) {
			int times = execution.isBatch() ? Math.max(1, query.getParametersList().size()) : 1;
			for (int i = 0; i < times; i++) {
				statements.add(query.getQuery());
			}
		}
	}

	private static void called(MethodExecutionContext call) {
		AtomicInteger commits = COMMITS.get();
		if (commits != null && call.getTarget() instanceof Connection && call.getMethod().getName().equals("commit")) {
			commits.incrementAndGet();
		}
	}

	/** The data source wrapped, and the counting filter first of all filters. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Wiring {

		@Bean
		static BeanPostProcessor sqlStatementsDataSourceProxy() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
						return ProxyDataSourceBuilder.create(dataSource)
							.name(name)
							.afterQuery(SqlStatements::executed)
							.afterMethod(SqlStatements::called)
							.build();
					}
					return bean;
				}
			};
		}

		@Bean
		FilterRegistrationBean<OncePerRequestFilter> sqlStatementsFilter() {
			OncePerRequestFilter filter = new OncePerRequestFilter() {
				@Override
				protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
						FilterChain chain) throws ServletException, IOException {
					List<String> statements = new ArrayList<>();
					AtomicInteger commits = new AtomicInteger();
					RUNNING.incrementAndGet();
					CURRENT.set(statements);
					COMMITS.set(commits);
					try {
						chain.doFilter(request, response);
					}
					finally {
						CURRENT.remove();
						COMMITS.remove();
						FINISHED.add(new Request(request.getMethod(), request.getRequestURI(), response.getStatus(),
								List.copyOf(statements), commits.get()));
						RUNNING.decrementAndGet();
					}
				}
			};
			FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
			registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
			registration.setName("sqlStatements");
			return registration;
		}
	}
}
