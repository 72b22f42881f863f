package dk.vaerdig.portal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import dk.vaerdig.platform.ReaderDates;

/** Dates and times written out in the reader's language, for the candidate's pages and their PDF. */
public record CandidateDates(ZoneId zone, Locale reader) {

	static CandidateDates of(ZoneId zone, Locale locale) {
		return new CandidateDates(zone, locale);
	}

	public String day(LocalDate day) {
		return ReaderDates.date(day, reader);
	}

	public String day(Instant at) {
		return at == null ? "" : day(LocalDate.ofInstant(at, zone));
	}

	public String time(Instant at) {
		return ReaderDates.dateTime(at, zone, reader);
	}
}
