package dk.vaerdig.casework.internal;

import java.time.Instant;
import java.time.LocalDate;

/** Reaches the package-private transitions of {@link Meeting} from tests. */
public final class MeetingTestSupport {

	private MeetingTestSupport() {
	}

	public static Meeting planned() {
		return Meeting.plan(1L, "mette", Instant.parse("2026-11-26T09:00:00Z"), Meeting.Form.IN_PERSON, "Jobcentret",
				"Dagsorden");
	}

	public static void hold(Meeting meeting) {
		meeting.hold(Instant.parse("2026-11-26T10:00:00Z"), Instant.parse("2026-11-26T11:00:00Z"), "Vi talte om job", null,
				"Søg job", LocalDate.of(2026, 12, 10));
	}

	/** Records the meeting as held at {@code heldAt} when it is {@code now}. */
	public static void hold(Meeting meeting, Instant heldAt, Instant now) {
		meeting.hold(heldAt, now, "Vi talte om job", null, "Søg job", null);
	}

	public static void cancel(Meeting meeting) {
		meeting.cancel();
	}
}
