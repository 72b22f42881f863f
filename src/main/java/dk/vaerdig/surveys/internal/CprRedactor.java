package dk.vaerdig.surveys.internal;

import java.util.regex.Pattern;

import dk.vaerdig.platform.Cpr;

/**
 * Removes CPR numbers from free text before it is stored: ten digits written as DDMMYY-SSSS, DDMMYYSSSS or with a
 * space, that form a valid CPR number. Other numbers (phone numbers, amounts) are left alone.
 */
public final class CprRedactor {

	static final String REPLACEMENT = "[CPR-nummer fjernet]";

	private static final Pattern CANDIDATE = Pattern.compile("(?<![0-9])(\\d{6})[-\\s]?(\\d{4})(?![0-9])");

	private CprRedactor() {
	}

	public static String redact(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		return CANDIDATE.matcher(text).replaceAll(m -> Cpr.isValid(m.group(1) + "-" + m.group(2)) ? REPLACEMENT
				: java.util.regex.Matcher.quoteReplacement(m.group()));
	}
}
