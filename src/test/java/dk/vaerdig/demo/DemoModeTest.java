package dk.vaerdig.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Demo data switched off means no demo, whatever the database holds (the database is not even asked). */
class DemoModeTest {

	static DemoSettings settings(Boolean enabled) {
		return new DemoSettings(enabled, 2000, 6, 1, "demo");
	}

	@Test
	void switchedOffIsNoDemo() {
		DemoMode off = new DemoMode(settings(false), new MockEnvironment(), null);
		assertThat(off.switchedOn()).isFalse();
		assertThat(off.on()).isFalse();
	}

	@Test
	void unsetMeansOnlyOnTheEmbeddedDatabase() {
		assertThat(new DemoMode(settings(null), new MockEnvironment(), null).switchedOn()).isTrue();
		assertThat(new DemoMode(settings(null),
				new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/vaerdig"), null)
			.switchedOn()).isFalse();
	}
}
