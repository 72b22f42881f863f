package dk.vaerdig.portal.web;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The purpose recorded with an audit entry, as the candidate reads it. The application records the page's address or
 * a short technical note ("meeting summary 12", "plan choice"); the known ones become a plain Danish (or English)
 * text, a purpose a member of staff wrote is shown as written, and an unknown address is left out (the kind of use
 * says enough). The copy of the data as JSON keeps the purpose exactly as recorded.
 */
public final class Purposes {

	/** A purpose to show: the message key and its one argument (the recorded text, for {@code portal.purpose.noted}). */
	public record Purpose(String key, String text) {
	}

	private record Known(Pattern pattern, String key) {
	}

	private static final List<Known> KNOWN = List.of(known("^/cases/\\d+/plan(/.*)?$", "plan"),
			known("^/cases/\\d+/story(/.*)?$", "story"), known("^/cases/\\d+/meetings/\\d+/summary$", "summary"),
			known("^/cases/\\d+/meetings(/.*)?$", "meetings"), known("^/cases/\\d+/employment(/.*)?$", "employment"),
			known("^/cases/\\d+/handovers(/.*)?$", "handover"), known("^/cases/\\d+(/.*)?$", "case"),
			known("^/cases$", "list"), known("^/handovers(/.*)?$", "handover"), known("^/letters(/.*)?$", "letter"),
			known("^/messaging(/.*)?$", "message"), known("^/complaints(/.*)?$", "complaint"),
			known("^/surveys/follow-ups(/.*)?$", "followUp"), known("^/employment(/.*)?$", "employment"),
			known("^/timeliness(/.*)?$", "list"), known("^meeting summary \\d+$", "summary"),
			known("^meeting \\d+ recorded$", "meetingRecorded"), known("^letter \\d+ sent.*$", "letterSent"),
			known("^forwarding package.*$", "forwarded"), known("^handover \\d+$", "handover"),
			known("^survey follow-up.*$", "followUp"), known("^course closed.*$", "courseClosed"),
			known("^course reopened.*$", "courseReopened"), known("^plan choice$", "planChoice"),
			known("^registered$", "registered"), known("^ordinary hours$", "hours"),
			known("^message in outbox \\d+$", "message"), known("^min side: .*$", "minSide"));

	private static Known known(String regex, String key) {
		return new Known(Pattern.compile(regex), "portal.purpose." + key);
	}

	/** The one instance, for templates ({@code ${purposes.show(e.purpose)}}). */
	public static final Purposes INSTANCE = new Purposes();

	private Purposes() {
	}

	/** As {@link #of(String)}. */
	public Purpose show(String recorded) {
		return of(recorded);
	}

	/** The purpose to show, or null when there is none to show. */
	public static Purpose of(String recorded) {
		if (recorded == null || recorded.isBlank()) {
			return null;
		}
		String text = recorded.strip();
		String path = text.replaceFirst("[?#].*$", "");
		for (Known k : KNOWN) {
			if (k.pattern().matcher(path).matches()) {
				return new Purpose(k.key(), text);
			}
		}
		return text.startsWith("/") ? null : new Purpose("portal.purpose.noted", text);
	}
}
