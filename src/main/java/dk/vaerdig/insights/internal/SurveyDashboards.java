package dk.vaerdig.insights.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.access.Team;
import dk.vaerdig.platform.Anonymity;
import dk.vaerdig.surveys.Improvements;
import dk.vaerdig.surveys.SurveyFigures;
import dk.vaerdig.surveys.SurveyFigures.Filter;
import dk.vaerdig.surveys.SurveyFigures.GroupCount;
import dk.vaerdig.surveys.SurveySettings;

/** Builds the dashboard and lobby views from the survey rollups, applying the anonymity rules. */
@Service
public class SurveyDashboards {

	public record QuestionRow(String code, String text, Rate satisfied, long dontKnow) {
	}

	/** A row of a breakdown (a department, a team or a month); {@code hidden} by the anonymity rule. */
	public record GroupRow(String key, String label, long answers, long invited, Rate responseRate, Rate satisfied,
			boolean hidden) {
	}

	/**
	 * The dashboard. {@code answers} and {@code invited} are hidden together ({@code totalHidden}) below the threshold;
	 * {@code positive} is the share of respondents positive overall, with its interval over respondents; the groups'
	 * share is the same, or, with {@code question} set, that question's share of its own answers.
	 */
	public record Dashboard(Filter filter, long answers, long invited, boolean totalHidden, Rate responseRate,
			Rate positive, List<QuestionRow> questions, String question, List<GroupRow> departments,
			List<GroupRow> teams, List<GroupRow> months, List<String> comments, int threshold) {

		/** The text of the chosen question, or null for the summary per respondent. */
		public String questionText() {
			return questions.stream().filter(q -> q.code().equals(question)).map(QuestionRow::text).findFirst().orElse(null);
		}
	}

	public record Lobby(YearMonth month, long answers, List<QuestionRow> questions, List<Improvements.Improvement> improvements,
			int threshold) {

		/** Whether the number of answers may be shown: below the anonymity threshold even a count can point at someone. */
		public boolean answersShown() {
			return Anonymity.shown(answers, threshold);
		}
	}

	private final SurveyFigures figures;

	private final StaffDirectory staff;

	private final Improvements improvements;

	private final SurveySettings settings;

	private final Clock clock;

	SurveyDashboards(SurveyFigures figures, StaffDirectory staff, Improvements improvements, SurveySettings settings,
			Clock clock) {
		this.figures = figures;
		this.staff = staff;
		this.improvements = improvements;
		this.settings = settings;
		this.clock = clock;
	}

	public Filter defaultFilter() {
		YearMonth now = YearMonth.now(clock);
		return new Filter(now.minusMonths(11).atDay(1), now.atDay(1), null, null);
	}

	public Dashboard dashboard(Filter f, Locale locale, boolean withComments) {
		return dashboard(f, null, locale, withComments);
	}

	/**
	 * The dashboard of the filter; the groups' share is per respondent, or of one question's answers if
	 * {@code questionCode} names a question of the period (else it is ignored).
	 */
	public Dashboard dashboard(Filter f, String questionCode, Locale locale, boolean withComments) {
		int threshold = settings.anonymityThreshold();
		GroupCount total = figures.total(f);
		List<QuestionRow> questions = questions(f, locale);
		String question = questions.stream().map(QuestionRow::code).filter(c -> c.equals(questionCode)).findFirst()
			.orElse(null);
		List<Team> allTeams = staff.teams();
		Map<String, String> teamNames = allTeams.stream()
			.collect(Collectors.toMap(t -> String.valueOf(t.id()), Team::name));
		Map<String, String> departmentOf = allTeams.stream()
			.collect(Collectors.toMap(t -> String.valueOf(t.id()), Team::department));
		List<GroupCount> byTeam = figures.byGroup(f, true, question);
		List<String> departmentNames = byTeam.stream().map(c -> departmentOf.getOrDefault(c.key(), "?")).distinct()
			.sorted().toList();
		List<GroupCount> byDepartment = Breakdowns.departments(byTeam, departmentNames,
				k -> departmentOf.getOrDefault(k, "?"));
		int[] departmentOfTeam = byTeam.stream()
			.mapToInt(c -> departmentNames.indexOf(departmentOf.getOrDefault(c.key(), "?")))
			.toArray();
		List<List<GroupRow>> nested = Breakdowns.nested(byDepartment, byTeam, departmentOfTeam,
				k -> teamNames.getOrDefault(k, k), threshold);
		List<GroupCount> byMonth = Breakdowns.everyMonth(figures.byGroup(f, false, question), f.fromMonth(), f.toMonth());
		List<GroupRow> months = Breakdowns.flat(byMonth, k -> k.substring(0, 7), threshold);
		boolean totalHidden = !Anonymity.shown(total.answers(), threshold);
		Rate response = Rate.of(Math.min(total.answers(), total.invited()), total.invited(), threshold);
		Rate positive = Rate.of(total.satisfied(), total.n(), threshold);
		return new Dashboard(f, total.answers(), total.invited(), totalHidden, totalHidden ? response.hide() : response,
				totalHidden ? positive.hide() : positive, questions, question, nested.get(0), nested.get(1), months,
				withComments ? figures.comments(f, settings.commentThreshold(), 20) : List.of(), threshold);
	}

	public Lobby lobby(Locale locale) {
		YearMonth month = YearMonth.now(clock);
		Filter f = new Filter(month.atDay(1), month.atDay(1), null, null);
		// early in a month there may be too few answers: then the lobby shows the last three months
		if (figures.total(f).answers() < settings.anonymityThreshold() * 4L) {
			f = new Filter(month.minusMonths(2).atDay(1), month.atDay(1), null, null);
		}
		return new Lobby(month, figures.total(f).answers(), questions(f, locale), improvements.active(locale, 4),
				settings.anonymityThreshold());
	}

	private List<QuestionRow> questions(Filter f, Locale locale) {
		return figures.byQuestion(f, locale)
			.stream()
			.map(q -> new QuestionRow(q.code(), q.text(), Rate.of(q.satisfied(), q.n(), settings.anonymityThreshold()),
					q.dontKnow()))
			.toList();
	}
}
