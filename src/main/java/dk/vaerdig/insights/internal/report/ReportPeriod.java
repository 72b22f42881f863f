package dk.vaerdig.insights.internal.report;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A quarter ("2026-Q3") or a year ("2026") of the committee's report: its first and last month. */
public record ReportPeriod(int year, Integer quarter) {

	private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-[Qq]([1-4]))?");

	public ReportPeriod {
		if (year < 2000 || year > 2200) {
			throw new IllegalArgumentException("insights.report.badPeriod");
		}
	}

	/** Parses "2026" or "2026-Q3"; anything else is refused. */
	public static ReportPeriod parse(String text) {
		Matcher m = FORM.matcher(text == null ? "" : text.strip());
		if (!m.matches()) {
			throw new IllegalArgumentException("insights.report.badPeriod");
		}
		return new ReportPeriod(Integer.parseInt(m.group(1)), m.group(2) == null ? null : Integer.parseInt(m.group(2)));
	}

	/** The last quarter that has ended before {@code month}. */
	public static ReportPeriod quarterBefore(YearMonth month) {
		YearMonth last = month.minusMonths(3);
		return new ReportPeriod(last.getYear(), (last.getMonthValue() - 1) / 3 + 1);
	}

	public YearMonth from() {
		return quarter == null ? YearMonth.of(year, 1) : YearMonth.of(year, (quarter - 1) * 3 + 1);
	}

	public YearMonth to() {
		return quarter == null ? YearMonth.of(year, 12) : from().plusMonths(2);
	}

	public boolean isQuarter() {
		return quarter != null;
	}

	/** The year as text, without a thousands separator. */
	public String yearText() {
		return String.valueOf(year);
	}

	public String quarterText() {
		return quarter == null ? "" : String.valueOf(quarter);
	}

	/** The form used in links and file names: "2026-Q3" or "2026". */
	public String code() {
		return quarter == null ? String.valueOf(year) : year + "-Q" + quarter;
	}
}
