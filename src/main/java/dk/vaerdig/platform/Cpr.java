package dk.vaerdig.platform;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Danish CPR number, DDMMYY-SSSS. The 7th digit together with the year gives the century. No modulus-11
 * check: numbers without it have been issued since 2007 and are fully valid.
 * <p>
 * {@link #toString()} masks the number so that it never ends up in a log by accident; {@link #value()} gives it whole.
 */
public final class Cpr {

	private static final Pattern FORMAT = Pattern.compile("(\\d{2})(\\d{2})(\\d{2})-?(\\d{4})");

	private final String digits;

	private final LocalDate birthDate;

	private Cpr(String digits, LocalDate birthDate) {
		this.digits = digits;
		this.birthDate = birthDate;
	}

	/**
	 * @throws IllegalArgumentException with a message key of the form {@code cpr.invalid.*} when the text is no CPR number
	 */
	public static Cpr of(String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("cpr.invalid.empty");
		}
		Matcher m = FORMAT.matcher(text.strip().replace(" ", ""));
		if (!m.matches()) {
			throw new IllegalArgumentException("cpr.invalid.format");
		}
		int day = Integer.parseInt(m.group(1));
		int month = Integer.parseInt(m.group(2));
		int yy = Integer.parseInt(m.group(3));
		String serial = m.group(4);
		int year = century(serial.charAt(0) - '0', yy) + yy;
		try {
			LocalDate birth = LocalDate.of(year, month, day);
			return new Cpr(m.group(1) + m.group(2) + m.group(3) + serial, birth);
		}
		catch (DateTimeException e) {
			throw new IllegalArgumentException("cpr.invalid.date");
		}
	}

	/** Whether {@link #of(String)} would accept the text. */
	public static boolean isValid(String text) {
		try {
			of(text);
			return true;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	static int century(int seventhDigit, int yy) {
		return switch (seventhDigit) {
			case 0, 1, 2, 3 -> 1900;
			case 4, 9 -> yy <= 36 ? 2000 : 1900;
			default -> yy <= 57 ? 2000 : 1800; // 5, 6, 7, 8
		};
	}

	/** The full number as DDMMYY-SSSS. Handle with care: it is personal data. */
	public String value() {
		return digits.substring(0, 6) + "-" + digits.substring(6);
	}

	/** DDMMYY-xxxx, the form shown unless the number is revealed. */
	public String masked() {
		return digits.substring(0, 6) + "-xxxx";
	}

	public LocalDate birthDate() {
		return birthDate;
	}

	public boolean isFemale() {
		return (digits.charAt(9) - '0') % 2 == 0;
	}

	public int ageOn(LocalDate day) {
		return Period.between(birthDate, day).getYears();
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof Cpr other && other.digits.equals(digits);
	}

	@Override
	public int hashCode() {
		return Objects.hash(digits);
	}

	@Override
	public String toString() {
		return masked();
	}
}
