package dk.vaerdig.insights.internal.goals;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import dk.vaerdig.casework.ClosedCourses;
import dk.vaerdig.casework.ClosedCourses.ClosedCourse;
import dk.vaerdig.insights.GoalMeasure;

/** The share of the courses closed in a month that ended in a job (ordinary, fewer hours, flexjob). */
@Component
class OutcomeMeasures implements GoalMeasure {

	private final ClosedCourses closed;

	private final Clock clock;

	OutcomeMeasures(ClosedCourses closed, Clock clock) {
		this.closed = closed;
		this.clock = clock;
	}

	@Override
	public String code() {
		return "COURSES_INTO_JOB";
	}

	@Override
	public Kind kind() {
		return Kind.SHARE;
	}

	@Override
	public Map<YearMonth, Count> monthly(YearMonth from, YearMonth to) {
		Map<YearMonth, Count> counts = new HashMap<>();
		for (ClosedCourse c : closed.closedBetween(from.atDay(1), to.plusMonths(1).atDay(1), LocalDate.now(clock))) {
			counts.merge(YearMonth.from(c.closedOn()), new Count(c.outcome().isJob() ? 1 : 0, 1), Count::plus);
		}
		return counts;
	}
}
