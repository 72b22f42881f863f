package dk.vaerdig.platform;

import java.util.regex.Pattern;

/**
 * A Danish CVR number (company registration number): 8 digits, no leading 0, and the digits weighted 2, 7, 6, 5, 4,
 * 3, 2, 1 sum to a multiple of 11.
 */
public record Cvr(String value) {

	private static final Pattern FORMAT = Pattern.compile("[1-9]\\d{7}");

	private static final int[] WEIGHTS = { 2, 7, 6, 5, 4, 3, 2, 1 };

	public Cvr {
		if (value == null || !FORMAT.matcher(value).matches()) {
			throw new IllegalArgumentException("cvr.invalid.format");
		}
		if (!checksumHolds(value)) {
			throw new IllegalArgumentException("cvr.invalid.checksum");
		}
	}

	/** Accepts "12345678", "1234 5678" and "DK12345678". */
	public static Cvr of(String text) {
		if (text == null) {
			throw new IllegalArgumentException("cvr.invalid.format");
		}
		String digits = text.strip().replaceFirst("(?i)^DK", "").replace(" ", "");
		return new Cvr(digits);
	}

	public static boolean isValid(String text) {
		try {
			of(text);
			return true;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	static boolean checksumHolds(String digits) {
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += (digits.charAt(i) - '0') * WEIGHTS[i];
		}
		return sum % 11 == 0;
	}

	@Override
	public String toString() {
		return value;
	}
}
