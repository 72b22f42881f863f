package dk.vaerdig.portal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dk.vaerdig.platform.DanishDates;

/** Dates and times written out in the reader's language, for the candidate's pages and their PDF. */
public record CandidateDates(ZoneId zone, boolean english) {

	private static final DateTimeFormatter EN_DATE_TIME = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'at' HH:mm",
			Locale.ENGLISH);

	private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

	static CandidateDates of(ZoneId zone, Locale locale) {
		return new CandidateDates(zone, "en".equals(locale.getLanguage()));
	}

	public String day(LocalDate day) {
		if (day == null) {
			return "";
		}
		return english ? EN_DATE.format(day) : DanishDates.date(day);
	}

	public String day(Instant at) {
		return at == null ? "" : day(LocalDate.ofInstant(at, zone));
	}

	public String time(Instant at) {
		if (at == null) {
			return "";
		}
		return english ? EN_DATE_TIME.format(at.atZone(zone)) : DanishDates.dateTime(at, zone);
	}
}
