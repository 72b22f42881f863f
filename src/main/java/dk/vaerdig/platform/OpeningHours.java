package dk.vaerdig.platform;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the job centre's phone and front desk are open on a run of weekdays, written in configuration as
 * {@code MONDAY-THURSDAY 09:00-15:00} or {@code FRIDAY 09:00-12:00}.
 */
public record OpeningHours(DayOfWeek from, DayOfWeek to, LocalTime opens, LocalTime closes) {

	private static final Pattern FORMAT = Pattern
		.compile("\\s*([A-Za-z]+)(?:\\s*-\\s*([A-Za-z]+))?\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");

	public OpeningHours {
		if (from.compareTo(to) > 0) {
			throw new IllegalArgumentException("Opening hours from " + from + " to " + to + ": the days run backwards");
		}
		if (!opens.isBefore(closes)) {
			throw new IllegalArgumentException("Opening hours " + opens + "-" + closes + ": it closes before it opens");
		}
	}

	/** Reads {@code MONDAY-THURSDAY 09:00-15:00}; also the converter Spring uses for the settings. */
	public static OpeningHours of(String text) {
		Matcher m = FORMAT.matcher(text);
		if (!m.matches()) {
			throw new IllegalArgumentException(
					"Opening hours must look like MONDAY-THURSDAY 09:00-15:00 or FRIDAY 09:00-12:00, not: " + text);
		}
		DayOfWeek from = DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT));
		DayOfWeek to = m.group(2) == null ? from : DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
		return new OpeningHours(from, to, time(m.group(3)), time(m.group(4)));
	}

	private static LocalTime time(String hhmm) {
		return LocalTime.parse(hhmm.length() == 4 ? "0" + hhmm : hhmm);
	}

	public boolean oneDay() {
		return from == to;
	}
}
