package dk.vaerdig.demo;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether this installation runs as the demo: demo data is switched on ({@code vaerdig.demo.enabled}; unset means
 * on the embedded database only) and the database holds data the demo generator made (a row in {@code demo_data}).
 * Both must hold: a real installation with {@code vaerdig.demo.enabled=true} by mistake, whose database had data
 * before, is no demo.
 */
@Component
public class DemoMode {

	private final DemoSettings settings;

	private final Environment env;

	private final JdbcClient jdbc;

	DemoMode(DemoSettings settings, Environment env, JdbcClient jdbc) {
		this.settings = settings;
		this.env = env;
		this.jdbc = jdbc;
	}

	/** Whether demo data is switched on (it is generated into an empty database at start-up). */
	boolean switchedOn() {
		return settings.enabled() != null ? settings.enabled() : env.getProperty("spring.datasource.url", "").isBlank();
	}

	/** Whether this is the demo: switched on, and the database filled by the demo generator. */
	public boolean on() {
		return switchedOn() && jdbc.sql("SELECT EXISTS (SELECT 1 FROM demo_data)").query(Boolean.class).single();
	}
}
