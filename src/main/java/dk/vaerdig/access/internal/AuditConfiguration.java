package dk.vaerdig.access.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import dk.vaerdig.access.AuditLog;
import dk.vaerdig.access.AuditSettings;
import dk.vaerdig.platform.PlatformSettings;

/**
 * The audit log's keys and checkpoint file. A real installation must give a key (environment or key file): without
 * one the app refuses to start and says how to make one. Only the embedded demo database, which is made for trying the
 * app out, makes a key itself, beside its data directory (or in the temp directory for a throw-away database), and
 * says so in the log.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	static final String HOW_TO_MAKE_A_KEY = """
			The audit log needs a secret key (HMAC-SHA-256) that the database never holds. Make one, readable only by \
			the app's user:
			  install -d -m 700 /etc/vaerdig && openssl rand -base64 32 > /etc/vaerdig/audit.key && chmod 400 /etc/vaerdig/audit.key
			and start the app with vaerdig.access.audit.key-file=/etc/vaerdig/audit.key (or put the key in the environment \
			variable VAERDIG_AUDIT_KEY). Keep a copy in a safe place: without it the audit log cannot be verified.""";

	private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

	@Bean
	AuditKeys auditKeys(AuditSettings settings, PlatformSettings platform, Environment env) {
		List<String> specs = new ArrayList<>();
		if (settings.keyFile() != null) {
			specs.addAll(read(settings.keyFile()));
		}
		for (String value : new String[] { settings.key(), env.getProperty("VAERDIG_AUDIT_KEY") }) {
			if (value != null && !value.isBlank()) {
				specs.addAll(Arrays.asList(value.split(",")));
			}
		}
		if (specs.stream().allMatch(s -> s.isBlank() || s.strip().startsWith("#"))) {
			if (!embedded(env)) {
				log.error("No audit key configured.\n{}", HOW_TO_MAKE_A_KEY);
				throw new IllegalStateException("No audit key configured. " + HOW_TO_MAKE_A_KEY);
			}
			specs = demoKey(platform);
		}
		AuditKeys keys = AuditKeys.parse(specs);
		log.info("Audit log: new entries are signed with key {} ({} key(s) known)", keys.currentId(), keys.ids().size());
		return keys;
	}

	@Bean
	AuditAnchors auditAnchors(AuditKeys keys, JdbcClient jdbc) {
		return new AuditAnchors(keys, jdbc);
	}

	@Bean
	AuditCheckpoints auditCheckpoints(AuditSettings settings, PlatformSettings platform, Environment env,
			AuditKeys keys, JdbcClient jdbc, Clock clock, AuditAnchors anchors) {
		Path file = settings.checkpointFile();
		if (file == null && embedded(env)) {
			file = demoFile(platform, "audit-checkpoints.log");
			log.info("Audit checkpoints of the embedded demo database are appended to {}", file);
		}
		else if (file == null) {
			log.warn("No audit checkpoint file configured (vaerdig.access.audit.checkpoint-file): the checkpoints go to "
					+ "the log stream (logger {}) only, and /admin/audit cannot check that the tail of the log was not cut.",
					AuditCheckpoints.LOGGER);
		}
		return new AuditCheckpoints(file, keys, jdbc, clock, anchors);
	}

	/** Warns at start where the app's database role could change the audit log (runs as the owner or superuser). */
	@Bean
	ApplicationRunner auditRoleCheck(AuditLog auditLog) {
		return args -> {
			if (auditLog.appRoleCanRewrite()) {
				log.warn("The app's database role owns the audit log or may UPDATE/DELETE/TRUNCATE it, so it could change "
						+ "the log unnoticed by the database (the keyed chain still shows it). Run the app as a role that "
						+ "owns nothing: see README, 'A real PostgreSQL server'.");
			}
		};
	}

	/** The embedded database runs when no database URL is configured (as EmbeddedPostgresConfiguration). */
	static boolean embedded(Environment env) {
		return env.getProperty("spring.datasource.url", "").isBlank();
	}

	private static List<String> demoKey(PlatformSettings platform) {
		Path file = demoFile(platform, "audit.key");
		try {
			if (!Files.exists(file)) {
				Files.writeString(file, AuditKeys.newKey() + "\n");
				try {
					Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException e) {
					// not a POSIX file system
				}
				log.warn("No audit key configured: the embedded demo database made one in {}. A real installation sets "
						+ "its own (vaerdig.access.audit.key-file or VAERDIG_AUDIT_KEY).", file);
			}
			else {
				log.info("No audit key configured: the embedded demo database uses its key in {}", file);
			}
			return read(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A file beside the embedded database's data directory ({@code <dir>-audit.key}), so it lives as long as the
	 * data; for a throw-away database a new one in the temp directory, deleted at exit.
	 */
	private static Path demoFile(PlatformSettings platform, String name) {
		String dataDir = platform.embeddedDb().dataDirectory();
		try {
			if (dataDir != null && !dataDir.isBlank()) {
				Path dir = Path.of(dataDir.replaceFirst("^~", System.getProperty("user.home"))).toAbsolutePath();
				Files.createDirectories(dir.getParent());
				return dir.resolveSibling(dir.getFileName() + "-" + name);
			}
			Path file = Files.createTempFile("vaerdig-", "-" + name);
			Files.delete(file);
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<String> read(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException e) {
			throw new IllegalStateException("Cannot read the audit key file " + file + " (" + e + "). "
					+ HOW_TO_MAKE_A_KEY, e);
		}
	}
}
