package dk.vaerdig.insights.internal.goals;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import dk.vaerdig.insights.GoalMeasure;
import dk.vaerdig.insights.GoalMeasure.Count;
import dk.vaerdig.insights.GoalMeasure.Kind;
import dk.vaerdig.insights.internal.goals.YearlyGoals.Direction;
import dk.vaerdig.insights.internal.goals.YearlyGoals.Goal;
import dk.vaerdig.platform.Anonymity;
import dk.vaerdig.surveys.SurveySettings;

/**
 * A goal's progress month by month, and whether it is at risk. Each month of the goal's year up to the month asked
 * for has the measure's figure with its 95 % interval; the year so far pools the months. The months are cells of the
 * year so far, so the anonymity rule hides a small month and its complement (on the base, and for a rate also on
 * the events).
 * <p>
 * The status, in the figure's unit against the target (for "at least"; mirrored for "at most"):
 * <ul>
 * <li>{@link Status#AT_RISK}: the year so far's whole interval lies below the target (the shortfall is not chance),
 * or the last three months of the period each lie below the target (the trend runs against the goal);</li>
 * <li>{@link Status#WATCH}: the year so far lies below the target, but its interval reaches the target;</li>
 * <li>{@link Status#ON_TRACK}: the year so far lies on or above the target;</li>
 * <li>{@link Status#NO_DATA}: too few to show (the anonymity threshold), or no month yet.</li>
 * </ul>
 * A month alone is judged the same way without the trend: at risk when its interval lies wholly on the wrong side.
 */
@Service
public class GoalProgress {

	public enum Status {
		ON_TRACK, WATCH, AT_RISK, NO_DATA
	}

	public record Month(YearMonth month, Figure figure, Status status) {
	}

	public record Progress(Goal goal, GoalMeasure measure, List<Month> months, Figure yearSoFar, Status status,
			boolean trendAgainst) {
	}

	private final Measures measures;

	private final SurveySettings settings;

	private final Clock clock;

	GoalProgress(Measures measures, SurveySettings settings, Clock clock) {
		this.measures = measures;
		this.settings = settings;
		this.clock = clock;
	}

	/** The progress of the goal up to the end of its year or of this month, whichever comes first. */
	public Progress of(Goal goal) {
		YearMonth now = YearMonth.now(clock);
		YearMonth december = YearMonth.of(goal.year(), 12);
		return of(goal, december.isAfter(now) ? now : december);
	}

	/** The progress of the goal from January of its year to {@code until} (at most December of it). */
	public Progress of(Goal goal, YearMonth until) {
		GoalMeasure measure = measures.find(goal.measureCode())
			.orElseThrow(() -> new IllegalStateException("no measure " + goal.measureCode()));
		YearMonth january = YearMonth.of(goal.year(), 1);
		YearMonth last = until.isAfter(YearMonth.of(goal.year(), 12)) ? YearMonth.of(goal.year(), 12) : until;
		if (last.isBefore(january)) {
			return new Progress(goal, measure, List.of(), Figure.hidden(measure.kind(), new Count(0, 0)), Status.NO_DATA,
					false);
		}
		Map<YearMonth, Count> counts = measure.monthly(january, last);
		List<YearMonth> months = new ArrayList<>();
		List<Count> cells = new ArrayList<>();
		Count total = new Count(0, 0);
		for (YearMonth m = january; !m.isAfter(last); m = m.plusMonths(1)) {
			Count c = counts.getOrDefault(m, new Count(0, 0));
			months.add(m);
			cells.add(c);
			total = total.plus(c);
		}
		int threshold = settings.anonymityThreshold();
		Anonymity.Suppression byBase = Anonymity.suppress(cells, Count::base, threshold, true);
		boolean[] hide = byBase.cells();
		boolean totalHidden = byBase.total();
		if (measure.kind() == Kind.PER_THOUSAND) {
			Anonymity.Suppression byEvents = Anonymity.suppress(cells, Count::events, threshold, !totalHidden, hide);
			hide = byEvents.cells();
			totalHidden = totalHidden || byEvents.total();
		}
		List<Month> shown = new ArrayList<>();
		for (int i = 0; i < months.size(); i++) {
			Figure f = hide[i] ? Figure.hidden(measure.kind(), cells.get(i))
					: Figure.of(measure.kind(), cells.get(i), threshold);
			shown.add(new Month(months.get(i), f, judge(f, goal, false)));
		}
		Figure year = totalHidden ? Figure.hidden(measure.kind(), total) : Figure.of(measure.kind(), total, threshold);
		boolean trend = shown.size() >= 3
				&& shown.subList(shown.size() - 3, shown.size()).stream().allMatch(m -> wrongSide(m.figure(), goal));
		Status status = judge(year, goal, trend);
		return new Progress(goal, measure, shown, year, status, trend);
	}

	static Status judge(Figure f, Goal goal, boolean trendAgainst) {
		if (f.hidden()) {
			return trendAgainst ? Status.AT_RISK : Status.NO_DATA;
		}
		double target = goal.target().doubleValue();
		boolean atLeast = goal.direction() == Direction.AT_LEAST;
		boolean wholeIntervalWrong = atLeast ? f.high() < target : f.low() > target;
		if (wholeIntervalWrong || trendAgainst) {
			return Status.AT_RISK;
		}
		return wrongSide(f, goal) ? Status.WATCH : Status.ON_TRACK;
	}

	static boolean wrongSide(Figure f, Goal goal) {
		if (f.hidden()) {
			return false;
		}
		double target = goal.target().doubleValue();
		return goal.direction() == Direction.AT_LEAST ? f.value() < target : f.value() > target;
	}
}
