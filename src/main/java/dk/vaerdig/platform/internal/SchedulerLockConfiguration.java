package dk.vaerdig.platform.internal;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import dk.vaerdig.platform.AppNode;

/**
 * Scheduled jobs run on one app node at a time: a method with {@code @Scheduled} and
 * {@code @SchedulerLock(name = ...)} takes its row in the {@code shedlock} table first, and a node that finds the row
 * taken skips that run. The lock uses the database's clock, so the nodes' clocks need not agree. A lock is released
 * when the job ends, or at the latest after {@code lockAtMostFor} (10 minutes unless the job says otherwise) if its
 * node died.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "10m")
class SchedulerLockConfiguration {

	@Bean
	LockProvider lockProvider(DataSource dataSource, AppNode node,
			@Value("${vaerdig.platform.job-run-log:false}") boolean jobRunLog) {
		LockProvider shedlock = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.usingDbTime()
			.build());
		return jobRunLog ? new JobRunLog(shedlock, new JdbcTemplate(dataSource), node) : shedlock;
	}
}
