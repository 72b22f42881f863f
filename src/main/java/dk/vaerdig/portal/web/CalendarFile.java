package dk.vaerdig.portal.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A calendar file (iCalendar, RFC 5545) with one event, for the candidate's own calendar. Written by hand: ical4j is
 * not among the packages this project may use, and one event needs little. What RFC 5545 asks and this does: lines
 * end in CRLF (3.1); a line longer than 75 octets is folded with CRLF and a space, never inside a UTF-8 character
 * (3.1); TEXT values escape backslash, semicolon, comma and newline (3.3.11); times are UTC with a {@code Z} (3.3.5,
 * form 2), so no VTIMEZONE is needed; VERSION, PRODID, UID and DTSTAMP are present (3.6.1, 3.7.3, 3.7.4).
 */
final class CalendarFile {

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private final StringBuilder out = new StringBuilder();

	private CalendarFile() {
	}

	/** One event; {@code location} and {@code description} may be null. */
	static String event(String uid, Instant stamp, Instant start, Instant end, String summary, String location,
			String description) {
		CalendarFile f = new CalendarFile();
		f.line("BEGIN:VCALENDAR");
		f.line("VERSION:2.0");
		f.line("PRODID:-//Vaerdig//Selvbook//DA");
		f.line("CALSCALE:GREGORIAN");
		f.line("METHOD:PUBLISH");
		f.line("BEGIN:VEVENT");
		f.line("UID:" + uid);
		f.line("DTSTAMP:" + UTC.format(stamp));
		f.line("DTSTART:" + UTC.format(start));
		f.line("DTEND:" + UTC.format(end));
		f.line("SUMMARY:" + text(summary));
		if (location != null && !location.isBlank()) {
			f.line("LOCATION:" + text(location));
		}
		if (description != null && !description.isBlank()) {
			f.line("DESCRIPTION:" + text(description));
		}
		f.line("STATUS:CONFIRMED");
		f.line("TRANSP:OPAQUE");
		f.line("END:VEVENT");
		f.line("END:VCALENDAR");
		return f.out.toString();
	}

	/** A TEXT value escaped (RFC 5545 3.3.11). */
	static String text(String value) {
		return value.replace("\\", "\\\\")
			.replace(";", "\\;")
			.replace(",", "\\,")
			.replace("\r\n", "\\n")
			.replace("\n", "\\n")
			.replace("\r", "\\n");
	}

	/** Appends a content line, folded at 75 octets without splitting a character, ended by CRLF. */
	private void line(String content) {
		int octets = 0;
		int limit = 75;
		for (int i = 0; i < content.length();) {
			int cp = content.codePointAt(i);
			int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				out.append("\r\n ");
				octets = 1;
			}
			out.appendCodePoint(cp);
			octets += size;
			i += Character.charCount(cp);
		}
		out.append("\r\n");
	}
}
