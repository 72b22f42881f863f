package dk.vaerdig.platform;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * The Danish working-day calendar: Monday to Friday, less the public holidays (from Jollyday, which knows that
 * Great Prayer Day is gone from 2024) and the days municipal offices close although they are no public holiday
 * (Constitution Day, Christmas Eve and New Year's Eve by default, configurable).
 */
public final class WorkingDays {

	private static final HolidayManager DENMARK = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.DENMARK));

	private final Set<MonthDay> closingDays;

	/**
	 * The answers so far: asking Jollyday costs a microsecond or more, and a year's figures (timeliness) count tens of
	 * working days for each of thousands of due dates, always over the same few hundred days. Bounded, as a guard.
	 */
	private final Map<LocalDate, Boolean> answers = new ConcurrentHashMap<>();

	private static final int MOST_ANSWERS = 50_000;

	public WorkingDays(Set<MonthDay> closingDays) {
		this.closingDays = Set.copyOf(closingDays);
	}

	public boolean isWorkingDay(LocalDate day) {
		Boolean known = answers.get(day);
		if (known != null) {
			return known;
		}
		boolean working = workingDayAsked(day);
		if (answers.size() < MOST_ANSWERS) {
			answers.put(day, working);
		}
		return working;
	}

	private boolean workingDayAsked(LocalDate day) {
		DayOfWeek dow = day.getDayOfWeek();
		return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !closingDays.contains(MonthDay.from(day))
				&& !DENMARK.isHoliday(day);
	}

	/**
	 * The day that lies {@code n} working days after {@code from} (n ≥ 0). Counting starts the day after
	 * {@code from}, so 2 working days after a Friday is the Tuesday. With n = 0 the result is {@code from} itself,
	 * moved forward to a working day if needed.
	 */
	public LocalDate plus(LocalDate from, int n) {
		if (n < 0) {
			throw new IllegalArgumentException("n must not be negative");
		}
		LocalDate day = from;
		if (n == 0) {
			while (!isWorkingDay(day)) {
				day = day.plusDays(1);
			}
			return day;
		}
		int left = n;
		while (left > 0) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				left--;
			}
		}
		return day;
	}

	/** Working days after {@code from} up to and including {@code to}; negative when {@code to} is earlier. */
	public int between(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -between(to, from);
		}
		int count = 0;
		for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
			if (isWorkingDay(d)) {
				count++;
			}
		}
		return count;
	}
}
