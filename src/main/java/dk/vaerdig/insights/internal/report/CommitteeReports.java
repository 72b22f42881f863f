package dk.vaerdig.insights.internal.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.stereotype.Service;

import dk.vaerdig.casework.HandoverFigures;
import dk.vaerdig.complaints.ComplaintFigures;
import dk.vaerdig.complaints.ComplaintFigures.LearningSummary;
import dk.vaerdig.insights.GoalMeasure;
import dk.vaerdig.insights.GoalMeasure.Count;
import dk.vaerdig.insights.internal.OutcomeFigures;
import dk.vaerdig.insights.internal.OutcomeFigures.Row;
import dk.vaerdig.insights.internal.Rate;
import dk.vaerdig.insights.internal.SurveyDashboards;
import dk.vaerdig.insights.internal.SurveyDashboards.Dashboard;
import dk.vaerdig.insights.internal.goals.Figure;
import dk.vaerdig.insights.internal.goals.GoalProgress;
import dk.vaerdig.insights.internal.goals.GoalProgress.Progress;
import dk.vaerdig.insights.internal.goals.Measures;
import dk.vaerdig.insights.internal.goals.YearlyGoals;
import dk.vaerdig.platform.Anonymity;
import dk.vaerdig.surveys.Improvements;
import dk.vaerdig.surveys.Improvements.Improvement;
import dk.vaerdig.surveys.SurveyFigures.Filter;
import dk.vaerdig.surveys.SurveySettings;

/**
 * The employment committee's report for a quarter or a year, made from the data (nothing typed by hand): the
 * evaluation's figures with intervals and response rates, "you said – we did", complaints per 1,000 meetings and the
 * learning actions, the outcomes of courses, the year's goals as they stood at the period's end, and the dialogue
 * meetings held with what came of their themes. Aggregates only, every figure under the anonymity rule of the
 * dashboards; never a person, never who said what.
 */
@Service
public class CommitteeReports {

	/** The dialogue meetings of the period as the committee sees them: counts and themes, never a name. */
	public interface DialogueSource {

		List<DialogueSummary> held(YearMonth from, YearMonth to);
	}

	/**
	 * A dialogue meeting held: when and where, how many candidates came (hidden below the threshold), and each theme
	 * raised with the learning action it became (null if none).
	 */
	public record DialogueSummary(LocalDate date, String place, long came, boolean cameHidden,
			List<ThemeOutcome> themes) {
	}

	public record ThemeOutcome(String theme, String learningAction, String learningStatus) {
	}

	/**
	 * Handovers acknowledged in time, per month of a quarter or per quarter of a year ({@code label} "2026-01" or
	 * "2026-Q1"), and over the period; each share's base (the handovers) under the anonymity rule and its complement.
	 */
	public record Handovers(int deadlineWorkingDays, List<HandoverCell> cells, Rate total) {
	}

	public record HandoverCell(String label, Rate inTime) {
	}

	public record Report(ReportPeriod period, LocalDateTime generatedAt, int threshold, Dashboard dignity,
			List<Improvement> improvements, Figure meetingsOnTime, Figure reformRuleMet, Figure reformExempted,
			Figure complaintsPerThousand, List<LearningSummary> learning, Row outcomes,
			List<Progress> goals, List<DialogueSummary> dialogue, Handovers handovers) {
	}

	private final SurveyDashboards dashboards;

	private final Improvements improvements;

	private final Measures measures;

	private final ComplaintFigures complaints;

	private final OutcomeFigures outcomes;

	private final YearlyGoals goals;

	private final GoalProgress progress;

	private final List<DialogueSource> dialogue;

	private final HandoverFigures handovers;

	private final SurveySettings settings;

	private final Clock clock;

	CommitteeReports(SurveyDashboards dashboards, Improvements improvements, Measures measures,
			ComplaintFigures complaints, OutcomeFigures outcomes, YearlyGoals goals, GoalProgress progress,
			List<DialogueSource> dialogue, HandoverFigures handovers, SurveySettings settings, Clock clock) {
		this.handovers = handovers;
		this.dashboards = dashboards;
		this.improvements = improvements;
		this.measures = measures;
		this.complaints = complaints;
		this.outcomes = outcomes;
		this.goals = goals;
		this.progress = progress;
		this.dialogue = dialogue;
		this.settings = settings;
		this.clock = clock;
	}

	/** The quarter before this month's, the default period. */
	public ReportPeriod defaultPeriod() {
		return ReportPeriod.quarterBefore(YearMonth.now(clock));
	}

	/** A measure over the whole period, under the threshold; hidden if the measure is not registered. */
	private Figure total(String code, GoalMeasure.Kind kind, YearMonth from, YearMonth to, int threshold) {
		return measures.find(code)
			.map(m -> Figure.of(m.kind(), m.monthly(from, to).values().stream().reduce(new Count(0, 0), Count::plus),
					threshold))
			.orElse(Figure.hidden(kind, new Count(0, 0)));
	}

	public Report report(ReportPeriod period, Locale locale) {
		YearMonth from = period.from();
		YearMonth to = period.to();
		int threshold = settings.anonymityThreshold();
		Sections t = new Sections();
		Dashboard dignity = t.time("dignity",
				() -> dashboards.dashboard(new Filter(from.atDay(1), to.atDay(1), null, null), locale, false));
		List<Improvement> said = t.time("you said - we did", () -> improvements.active(locale, 10));
		Figure complaintRate = t.time("complaints per 1000",
				() -> total("COMPLAINTS_PER_1000_MEETINGS", GoalMeasure.Kind.PER_THOUSAND, from, to, threshold));
		Figure onTime = t.time("timeliness", () -> total("MEETINGS_ON_TIME", GoalMeasure.Kind.SHARE, from, to, threshold));
		Figure reformMet = t.time("reform 75 %",
				() -> total("REFORM_75_RULE_MET", GoalMeasure.Kind.SHARE, from, to, threshold));
		Figure reformExempted = t.time("reform exempted",
				() -> total("REFORM_EXEMPTED", GoalMeasure.Kind.SHARE, from, to, threshold));
		List<LearningSummary> learning = t.time("learning",
				() -> complaints.learningInPeriod(from.atDay(1), to.plusMonths(1).atDay(1)));
		Row outcome = t.time("outcomes", () -> outcomes.figures(from, to).total());
		YearMonth now = YearMonth.now(clock);
		YearMonth goalsUntil = to.isAfter(now) ? now : to;
		List<Progress> goalProgress = t.time("goals",
				() -> goals.ofYear(to.getYear()).stream().map(g -> progress.of(g, goalsUntil)).toList());
		List<DialogueSummary> meetings = t.time("dialogue meetings",
				() -> dialogue.stream().flatMap(d -> d.held(from, to).stream()).toList());
		Handovers handed = t.time("handovers", () -> handovers(period, threshold));
		log.debug("Committee report {}: {}", period, t);
		return new Report(period, LocalDateTime.now(clock), threshold, dignity, said, onTime, reformMet,
				reformExempted, complaintRate, learning, outcome, goalProgress, meetings, handed);
	}

	/** Per month of a quarter, per quarter of a year; a small cell is hidden, and so is its complement. */
	private Handovers handovers(ReportPeriod period, int threshold) {
		List<HandoverFigures.Month> months = handovers.monthly(period.from(), period.to());
		List<String> labels = new ArrayList<>();
		List<long[]> counts = new ArrayList<>();
		for (HandoverFigures.Month m : months) {
			String label = period.isQuarter() ? m.month().toString()
					: m.month().getYear() + "-Q" + ((m.month().getMonthValue() - 1) / 3 + 1);
			if (labels.isEmpty() || !labels.get(labels.size() - 1).equals(label)) {
				labels.add(label);
				counts.add(new long[2]);
			}
			long[] c = counts.get(counts.size() - 1);
			c[0] += m.handovers();
			c[1] += m.acknowledgedInTime();
		}
		long n = counts.stream().mapToLong(c -> c[0]).sum();
		long k = counts.stream().mapToLong(c -> c[1]).sum();
		Anonymity.Suppression rule = Anonymity.suppress(counts, c -> c[0], threshold, true);
		List<HandoverCell> cells = new ArrayList<>();
		for (int i = 0; i < counts.size(); i++) {
			Rate rate = Rate.of(counts.get(i)[1], counts.get(i)[0], threshold);
			cells.add(new HandoverCell(labels.get(i), rule.cell(i) ? rate.hide() : rate));
		}
		Rate total = Rate.of(k, n, threshold);
		return new Handovers(handovers.deadlineWorkingDays(), cells, rule.total() ? total.hide() : total);
	}

	/** How long each section took (logged at debug level, to find the slow ones: README, the committee's report). */
	private static final class Sections {

		private final StringBuilder times = new StringBuilder();

		<T> T time(String section, Supplier<T> work) {
			long started = System.nanoTime();
			T result = work.get();
			times.append(times.isEmpty() ? "" : ", ")
				.append(section)
				.append(' ')
				.append((System.nanoTime() - started) / 1_000_000)
				.append(" ms");
			return result;
		}

		@Override
		public String toString() {
			return times.toString();
		}
	}

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CommitteeReports.class);
}
