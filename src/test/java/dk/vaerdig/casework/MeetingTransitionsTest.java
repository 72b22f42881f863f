package dk.vaerdig.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dk.vaerdig.casework.internal.MeetingTestSupport;
import dk.vaerdig.casework.internal.Meeting;

class MeetingTransitionsTest {

	@Test
	void aPlannedMeetingCanBeHeldOnceOnly() {
		Meeting meeting = MeetingTestSupport.planned();
		MeetingTestSupport.hold(meeting);
		assertThat(meeting.getStatus()).isEqualTo(Meeting.Status.HELD);
		assertThat(meeting.getNextStep()).isEqualTo("Søg job");
		assertThatThrownBy(() -> MeetingTestSupport.hold(meeting)).isInstanceOf(IllegalStateException.class)
			.hasMessage("casework.meeting.notPlanned");
	}

	@Test
	void aHeldMeetingCannotBeCancelled() {
		Meeting meeting = MeetingTestSupport.planned();
		MeetingTestSupport.hold(meeting);
		assertThatThrownBy(() -> MeetingTestSupport.cancel(meeting)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aCancelledMeetingCannotBeHeld() {
		Meeting meeting = MeetingTestSupport.planned();
		MeetingTestSupport.cancel(meeting);
		assertThat(meeting.getStatus()).isEqualTo(Meeting.Status.CANCELLED);
		assertThatThrownBy(() -> MeetingTestSupport.hold(meeting)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void aMeetingCannotBeHeldInTheFuture() {
		Meeting meeting = MeetingTestSupport.planned();
		assertThatThrownBy(() -> MeetingTestSupport.hold(meeting, NOW.plusSeconds(60), NOW))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("casework.meeting.heldInFuture");
		assertThat(meeting.getStatus()).isEqualTo(Meeting.Status.PLANNED);
	}

	@Test
	void aMeetingHeldBeforeItsPlannedTimeIsShownWhenItWasHeld() {
		Meeting meeting = MeetingTestSupport.planned();
		Instant earlier = meeting.getPlannedAt().minusSeconds(86_400);
		MeetingTestSupport.hold(meeting, earlier, NOW);
		assertThat(meeting.getHeldAt()).isEqualTo(earlier);
		assertThat(meeting.getShownAt()).isEqualTo(earlier);
	}

	static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	static final LocalDate NEXT = LocalDate.of(2026, 12, 10);
}
