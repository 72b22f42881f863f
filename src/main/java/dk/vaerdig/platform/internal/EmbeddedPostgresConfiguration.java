package dk.vaerdig.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
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

	/** Owns the schema; only Flyway connects as it. */
	static final String OWNER_ROLE = "vaerdig_owner";

	/** The app's role: owns nothing, gets the grants of the afterMigrate callback. */
	static final String APP_ROLE = "vaerdig_app";

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
		createRoles(postgres);
		return postgres;
	}

	/** Flyway migrates as the owner of the schema, {@value #OWNER_ROLE}. */
	@Bean
	FlywayConnectionDetails flywayConnectionDetails(EmbeddedPostgres postgres) {
		return new FlywayConnectionDetails() {

			@Override
			public String getJdbcUrl() {
				return postgres.getJdbcUrl(OWNER_ROLE, "postgres");
			}

			@Override
			public String getUsername() {
				return OWNER_ROLE;
			}

			@Override
			public String getPassword() {
				return OWNER_ROLE;
			}
		};
	}

	/**
	 * As on a real server, the schema belongs to an owner that only migrations use, and the app connects as a role
	 * that owns nothing (the superuser {@code postgres} only makes the two). A data directory of an older version,
	 * whose tables {@code postgres} made, passes them to the owner.
	 */
	static void createRoles(EmbeddedPostgres postgres) {
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("""
					DO $$
					DECLARE r record;
					BEGIN
					  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%1$s') THEN
					    CREATE ROLE %1$s LOGIN PASSWORD '%1$s';
					  END IF;
					  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%2$s') THEN
					    CREATE ROLE %2$s LOGIN PASSWORD '%2$s';
					  END IF;
					  GRANT USAGE, CREATE ON SCHEMA public TO %1$s;
					  -- trusted extensions (pg_trgm) need CREATE on the database
					  GRANT CREATE ON DATABASE postgres TO %1$s;
					  -- ANALYZE and VACUUM after the demo data is generated (PostgreSQL 17+), no change of data
					  GRANT pg_maintain TO %2$s;
					  FOR r IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
					      WHERE n.nspname = 'public' AND c.relowner = 'postgres'::regrole AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
					        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))
					  LOOP
					    EXECUTE format('ALTER TABLE %%s OWNER TO %1$s', r.name);
					  END LOOP;
					  FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
					      WHERE n.nspname = 'public' AND p.proowner = 'postgres'::regrole
					  LOOP
					    EXECUTE format('ALTER FUNCTION %%s OWNER TO %1$s', r.name);
					  END LOOP;
					END;
					$$""".formatted(OWNER_ROLE, APP_ROLE));
		}
		catch (SQLException e) {
			throw new IllegalStateException("Cannot create the database roles of the embedded PostgreSQL", e);
		}
	}

	/**
	 * The app's connections: the role {@value #APP_ROLE}, which owns nothing. Flyway's are the owner's
	 * ({@link #flywayConnectionDetails}), and the grants come from the migrations' afterMigrate callback.
	 */
	@Bean
	DataSource dataSource(EmbeddedPostgres postgres, PlatformSettings settings) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(postgres.getJdbcUrl(APP_ROLE, "postgres"));
		config.setUsername(APP_ROLE);
		config.setPassword(APP_ROLE);
		config.setMaximumPoolSize(settings.embeddedDb().poolSize());
		config.setPoolName("vaerdig-embedded");
		return new HikariDataSource(config);
	}
}
