package dk.vaerdig.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates written the Danish way in texts to candidates: "3. februar 2026 kl. 10.30". */
public final class DanishDates {

	private static final Locale DA = Locale.forLanguageTag("da");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", DA);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("EEEE 'den' d. MMMM yyyy 'kl.' HH.mm", DA);

	private DanishDates() {
	}

	public static String date(LocalDate day) {
		return day == null ? "" : DATE.format(day);
	}

	public static String dateTime(Instant at, ZoneId zone) {
		return at == null ? "" : DATE_TIME.format(at.atZone(zone));
	}
}
