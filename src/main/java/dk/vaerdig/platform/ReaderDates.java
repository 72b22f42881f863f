package dk.vaerdig.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates written out in the reader's language, in texts to candidates: in English "3 February 2026" and "Tuesday 3
 * February 2026 at 10:30", in Danish (and any other language) as {@link DanishDates} writes them.
 */
public final class ReaderDates {

	private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	private static final DateTimeFormatter EN_DATE_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm",
			Locale.ENGLISH);

	private ReaderDates() {
	}

	/** Whether the reader reads English (the only language besides Danish that the candidates' texts come in). */
	public static boolean english(Locale reader) {
		return reader != null && "en".equals(reader.getLanguage());
	}

	public static String date(LocalDate day, Locale reader) {
		if (day == null) {
			return "";
		}
		return english(reader) ? EN_DATE.format(day) : DanishDates.date(day);
	}

	public static String dateTime(Instant at, ZoneId zone, Locale reader) {
		if (at == null) {
			return "";
		}
		return english(reader) ? EN_DATE_TIME.format(at.atZone(zone)) : DanishDates.dateTime(at, zone);
	}
}
