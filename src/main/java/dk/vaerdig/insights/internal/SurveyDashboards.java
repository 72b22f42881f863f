package dk.vaerdig.insights.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
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

	public record GroupRow(String key, String label, long answers, long invited, Rate responseRate, Rate satisfied,
			boolean hidden) {
	}

	public record Dashboard(Filter filter, long answers, long invited, Rate responseRate, List<QuestionRow> questions,
			List<GroupRow> departments, List<GroupRow> teams, List<GroupRow> months, List<String> comments, int threshold) {
	}

	public record Lobby(YearMonth month, long answers, List<QuestionRow> questions, List<Improvements.Improvement> improvements,
			int threshold) {
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
		int threshold = settings.anonymityThreshold();
		GroupCount total = figures.total(f);
		List<QuestionRow> questions = questions(f, locale);
		List<Team> allTeams = staff.teams();
		Map<Long, String> teamNames = allTeams.stream().collect(Collectors.toMap(Team::id, Team::name));
		Map<String, String> departmentOf = allTeams.stream()
			.collect(Collectors.toMap(t -> String.valueOf(t.id()), Team::department));
		List<GroupCount> byTeam = figures.byGroup(f, true, null);
		List<GroupRow> teams = groups(byTeam, k -> teamNames.getOrDefault(Long.valueOf(k), k), threshold);
		// departments: the teams' counts added up, then the same anonymity rules
		Map<String, GroupCount> byDepartment = new java.util.TreeMap<>();
		for (GroupCount c : byTeam) {
			String dep = departmentOf.getOrDefault(c.key(), "?");
			byDepartment.merge(dep, new GroupCount(dep, c.answers(), c.invited(), c.n(), c.satisfied()),
					(a, b) -> new GroupCount(dep, a.answers() + b.answers(), a.invited() + b.invited(), a.n() + b.n(),
							a.satisfied() + b.satisfied()));
		}
		List<GroupRow> departments = groups(List.copyOf(byDepartment.values()), k -> k, threshold);
		List<GroupRow> months = groups(figures.byGroup(f, false, null), k -> k.substring(0, 7), threshold);
		return new Dashboard(f, total.answers(), total.invited(), Rate.of(Math.min(total.answers(), total.invited()),
				total.invited(), threshold), questions, departments, teams, months,
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

	private static List<GroupRow> groups(List<GroupCount> counts, java.util.function.Function<String, String> label,
			int threshold) {
		boolean[] hide = Anonymity.hidden(counts, GroupCount::answers, threshold, true);
		List<GroupRow> rows = new ArrayList<>();
		for (int i = 0; i < counts.size(); i++) {
			GroupCount c = counts.get(i);
			Rate response = Rate.of(Math.min(c.answers(), c.invited()), c.invited(), threshold);
			Rate satisfied = Rate.of(c.satisfied(), c.n(), threshold);
			rows.add(new GroupRow(c.key(), label.apply(c.key()), c.answers(), c.invited(),
					hide[i] ? response.hide() : response, hide[i] ? satisfied.hide() : satisfied, hide[i]));
		}
		return rows;
	}
}
