package dk.vaerdig.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RetryPauseTest {

	static final Duration MINUTE = Duration.ofMinutes(1);

	static final Duration HOUR = Duration.ofHours(1);

	@Test
	void thePauseDoublesAfterEachFailedAttempt() {
		assertThat(Dispatcher.retryAfter(1, MINUTE, HOUR)).isEqualTo(Duration.ofMinutes(1));
		assertThat(Dispatcher.retryAfter(2, MINUTE, HOUR)).isEqualTo(Duration.ofMinutes(2));
		assertThat(Dispatcher.retryAfter(3, MINUTE, HOUR)).isEqualTo(Duration.ofMinutes(4));
		assertThat(Dispatcher.retryAfter(6, MINUTE, HOUR)).isEqualTo(Duration.ofMinutes(32));
	}

	@Test
	void thePauseNeverGrowsBeyondTheLongest() {
		assertThat(Dispatcher.retryAfter(7, MINUTE, HOUR)).isEqualTo(HOUR);
		assertThat(Dispatcher.retryAfter(40, MINUTE, HOUR)).isEqualTo(HOUR);
		assertThat(Dispatcher.retryAfter(Integer.MAX_VALUE, MINUTE, HOUR)).isEqualTo(HOUR);
	}
}
