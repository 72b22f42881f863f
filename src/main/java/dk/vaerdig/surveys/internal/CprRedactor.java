package dk.vaerdig.surveys.internal;

import java.util.regex.Pattern;

/**
 * Removes CPR numbers from free text before it is stored, in every plausible spelling: a day (01–31), a month
 * (01–12), a two-digit year and four digits, with or without a separator between any two of these groups — blanks, a
 * hyphen or dash (-, ‐, ‑, ‒, –, —, −), a dot or a slash, alone or with blanks around it ("010190-1234",
 * "01.01.90-1234", "010190 – 1234", "01 01 90 1234", "010190/1234"). The modulus-11 check is not asked for: numbers
 * without it are issued since 2007. What is not ten digits in these groups stays: dates with a four-digit year
 * ("01.01.1990", "01-01-2024"), phone numbers (eight digits: "20 30 40 50", "+45 20304050"), amounts.
 */
public final class CprRedactor {

	static final String REPLACEMENT = "[CPR-nummer fjernet]";

	/** Blanks: space, tab, no-break space and the narrow ones. */
	private static final String BLANK = "[ \\t\\u00A0\\u2007\\u202F]";

	/** Nothing, blanks, or one hyphen, dash, dot or slash with up to three blanks on each side. */
	private static final String SEPARATOR = "(?:" + BLANK + "{0,3}[-\\u2010\\u2011\\u2012\\u2013\\u2014\\u2212./]" + BLANK
			+ "{0,3}|" + BLANK + "{1,3})?";

	private static final Pattern CPR = Pattern.compile("(?<![0-9])(?:0[1-9]|[12][0-9]|3[01])" + SEPARATOR
			+ "(?:0[1-9]|1[0-2])" + SEPARATOR + "[0-9]{2}" + SEPARATOR + "[0-9]{4}(?![0-9])");

	private CprRedactor() {
	}

	public static String redact(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		return CPR.matcher(text).replaceAll(REPLACEMENT);
	}
}
