package dk.vaerdig.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dk.vaerdig.platform.PlatformSettings;

/**
 * Starts an embedded PostgreSQL when no {@code spring.datasource.url} is configured, so that
 * {@code mvn spring-boot:run} and the tests need nothing installed. Production points at a real server.
 * <p>
 * PostgreSQL refuses to run as root. When the JVM runs as root, zonky wraps the server in
 * {@code unshare -U} by itself (a user namespace where the process is not root).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(PlatformSettings settings) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setRegisterShutdownHook(false)
				.setServerConfig("max_connections", "100")
				.setServerConfig("shared_buffers", "128MB")
				.setServerConfig("fsync", settings.embeddedDb().fsync() ? "on" : "off");
		String dataDir = settings.embeddedDb().dataDirectory();
		if (dataDir != null && !dataDir.isBlank()) {
			Path dir = Path.of(dataDir.replaceFirst("^~", System.getProperty("user.home")));
			Files.createDirectories(dir);
			builder.setDataDirectory(dir).setCleanDataDirectory(false);
			log.info("Embedded PostgreSQL keeps its data in {}", dir);
		}
		if (settings.embeddedDb().port() > 0) {
			builder.setPort(settings.embeddedDb().port());
		}
		EmbeddedPostgres postgres = builder.start();
		log.info("Embedded PostgreSQL started on port {}", postgres.getPort());
		return postgres;
	}

	@Bean
	DataSource dataSource(EmbeddedPostgres postgres, PlatformSettings settings) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		config.setUsername("postgres");
		config.setPassword("postgres");
		config.setMaximumPoolSize(settings.embeddedDb().poolSize());
		config.setPoolName("vaerdig-embedded");
		return new HikariDataSource(config);
	}
}
