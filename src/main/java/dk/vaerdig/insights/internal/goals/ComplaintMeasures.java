package dk.vaerdig.insights.internal.goals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import dk.vaerdig.casework.Casework;
import dk.vaerdig.complaints.ComplaintFigures;
import dk.vaerdig.insights.GoalMeasure;

/** Complaints received in a month per 1,000 meetings held in the month (every team). */
@Component
class ComplaintMeasures implements GoalMeasure {

	private final ComplaintFigures complaints;

	private final Casework casework;

	ComplaintMeasures(ComplaintFigures complaints, Casework casework) {
		this.complaints = complaints;
		this.casework = casework;
	}

	@Override
	public String code() {
		return "COMPLAINTS_PER_1000_MEETINGS";
	}

	@Override
	public Kind kind() {
		return Kind.PER_THOUSAND;
	}

	@Override
	public Map<YearMonth, Count> monthly(YearMonth from, YearMonth to) {
		Map<YearMonth, Long> meetings = new HashMap<>();
		casework.meetingsHeld(from.atDay(1), to.plusMonths(1).atDay(1))
			.values()
			.forEach(byMonth -> byMonth.forEach((LocalDate m, Long n) -> meetings.merge(YearMonth.from(m), n, Long::sum)));
		Map<YearMonth, Long> received = complaints.receivedPerMonth(from, to);
		Map<YearMonth, Count> counts = new HashMap<>();
		for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
			long base = meetings.getOrDefault(m, 0L);
			long events = received.getOrDefault(m, 0L);
			if (base > 0 || events > 0) {
				counts.put(m, new Count(events, base));
			}
		}
		return counts;
	}
}
