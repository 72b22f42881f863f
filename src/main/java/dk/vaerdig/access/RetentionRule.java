package dk.vaerdig.access;

import java.time.LocalDate;
import java.time.Period;

/**
 * How long one kind of record is kept, from a date: a row of {@code retention_rule}.
 *
 * @param kind the kind of record, e.g. {@code case-file}
 * @param validFrom the first day the rule applies
 * @param validTo the first day it no longer applies, or null
 * @param keepFor how long a record is kept after the event its period is counted from
 * @param legalBasis the deletion code or legal basis
 */
public record RetentionRule(String kind, LocalDate validFrom, LocalDate validTo, Period keepFor, String legalBasis) {

	public boolean inForceOn(LocalDate day) {
		return !day.isBefore(validFrom) && (validTo == null || day.isBefore(validTo));
	}
}
