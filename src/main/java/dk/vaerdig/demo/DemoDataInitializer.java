package dk.vaerdig.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Fills an empty database with demo data at start-up (by default only when running on the embedded database). */
@Component
class DemoDataInitializer implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataInitializer.class);

	private final DemoSettings settings;

	private final DemoDataGenerator generator;

	private final JdbcClient jdbc;

	private final DemoMode mode;

	DemoDataInitializer(DemoSettings settings, DemoDataGenerator generator, JdbcClient jdbc, DemoMode mode) {
		this.settings = settings;
		this.generator = generator;
		this.jdbc = jdbc;
		this.mode = mode;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!mode.switchedOn()) {
			return;
		}
		long staff = jdbc.sql("SELECT count(*) FROM staff_user").query(Long.class).single();
		if (staff > 0) {
			log.info("Demo data: the database has data already, nothing generated");
			return;
		}
		long start = System.nanoTime();
		DemoDataGenerator.Counts counts = generator.generate(settings);
		log.info("Demo data: {} candidates, {} meetings, {} agreements generated in {} ms", counts.candidates(),
				counts.meetings(), counts.agreements(), (System.nanoTime() - start) / 1_000_000);
	}
}
