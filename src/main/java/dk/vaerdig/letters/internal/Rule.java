package dk.vaerdig.letters.internal;

import java.util.Locale;

/** The kinds of findings, each with the points a finding costs (per 100 words for those that can repeat). */
public enum Rule {

	LONG_SENTENCE(4), LONG_WORD(0.5), PASSIVE(2), BLIVE_PASSIVE(2), NOMINALISATION(2), FORMAL_ADDRESS(6),
	OFFICIALESE(3), DISEMPOWERING(8), SPELLING(1), GRAMMAR(1),
	/** A CPR number in the letter: it should not be there (points per 100 words, like the others). */
	CPR_NUMBER(10),
	/** The text does not look Danish: a notice about the letter as a whole; the analysis is made for Danish. */
	NOT_DANISH(0),
	/** Elements a letter must have; these cost their points once. */
	MISSING_CONTACT(8), MISSING_NEXT_STEP(8), MISSING_REASONS(12), MISSING_RULES(8), MISSING_COMPLAINT_BODY(8),
	MISSING_COMPLAINT_HOW(6), MISSING_COMPLAINT_DEADLINE(8), MISSING_CONSULTATION(3), MISSING_ANSWER_DEADLINE(6),
	MISSING_PLANNED_DECISION(8);

	private final double points;

	Rule(double points) {
		this.points = points;
	}

	public double points() {
		return points;
	}

	/** Rules about the letter as a whole: a required element that is missing. */
	public boolean missingElement() {
		return name().startsWith("MISSING_");
	}

	public String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}
}
