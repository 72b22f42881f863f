package dk.vaerdig.insights.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.SignedInUser;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.insights.internal.SurveyDashboards;
import dk.vaerdig.insights.internal.SurveyDashboards.Dashboard;
import dk.vaerdig.platform.CsvWriter;
import dk.vaerdig.surveys.SurveyFigures;
import dk.vaerdig.surveys.SurveyFigures.Filter;
import dk.vaerdig.surveys.SurveySettings;

/** The evaluation dashboard for staff and politicians (aggregates only), with a formula-safe CSV export. */
@NoPersonalData("survey figures and exports, aggregates under the anonymity threshold; no candidate")
@Controller
@RequiresPermission(Permission.VIEW_FIGURES)
class DashboardController {

	private final SurveyDashboards dashboards;

	private final StaffDirectory staff;

	private final SurveyFigures figures;

	private final SurveySettings settings;

	DashboardController(SurveyDashboards dashboards, StaffDirectory staff, SurveyFigures figures,
			SurveySettings settings) {
		this.figures = figures;
		this.dashboards = dashboards;
		this.staff = staff;
		this.settings = settings;
	}

	/** The months asked for (a malformed month or one outside 1900–2200 is refused with 400), else the default. */
	private Filter filter(YearMonth from, YearMonth to, Long team, String targetGroup) {
		Filter d = dashboards.defaultFilter();
		return new Filter(from != null ? from.atDay(1) : d.fromMonth(), to != null ? to.atDay(1) : d.toMonth(), team,
				targetGroup == null || targetGroup.isBlank() ? null : targetGroup);
	}

	@GetMapping("/insights/surveys")
	String dashboard(@RequestParam(required = false) YearMonth from, @RequestParam(required = false) YearMonth to,
			@RequestParam(required = false) Long team, @RequestParam(required = false) String targetGroup,
			@RequestParam(required = false) String question, Model model, Locale locale, Authentication auth) {
		Filter f = filter(from, to, team, targetGroup);
		boolean comments = SignedInUser.of(auth).may(Permission.READ_SURVEY_COMMENTS);
		model.addAttribute("d", dashboards.dashboard(f, question, locale, comments));
		model.addAttribute("teams", staff.teams());
		model.addAttribute("targetGroups", figures.targetGroups());
		model.addAttribute("from", f.fromMonth().toString().substring(0, 7));
		model.addAttribute("to", f.toMonth().toString().substring(0, 7));
		// for the definitions on the page
		model.addAttribute("invitationValidDays", settings.invitationValidDays());
		model.addAttribute("commentDelayDays", SurveyFigures.COMMENT_DELAY_DAYS);
		model.addAttribute("commentThreshold", settings.commentThreshold());
		return "insights/surveys";
	}

	@GetMapping(value = "/insights/surveys.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) YearMonth from, @RequestParam(required = false) YearMonth to,
			@RequestParam(required = false) Long team, @RequestParam(required = false) String targetGroup,
			@RequestParam(required = false) String question, Locale locale) {
		Dashboard d = dashboards.dashboard(filter(from, to, team, targetGroup), question, locale, false);
		StringBuilder csv = new StringBuilder("\uFEFF");
		// satisfied_percent and n: of the question's answers on a question's line; of the respondents on the total's
		// line, and on the groups' lines unless a question is chosen (then of that question's answers)
		csv.append(CsvWriter.row(List.of("kind", "group", "answers", "meetings", "satisfied_percent", "ci_low", "ci_high", "n")));
		var p = d.positive();
		csv.append(CsvWriter.row(List.of("total", d.question() == null ? "" : d.question(), d.totalHidden() ? "" : d.answers(),
				d.totalHidden() ? "" : d.invited(), pct(p.hidden(), p.percent()), pct(p.hidden(), p.lowPercent()),
				pct(p.hidden(), p.highPercent()), p.hidden() ? "" : p.n())));
		for (var q : d.questions()) {
			csv.append(CsvWriter.row(List.of("question", q.text(), "", "", pct(q.satisfied().hidden(), q.satisfied().percent()),
					pct(q.satisfied().hidden(), q.satisfied().lowPercent()), pct(q.satisfied().hidden(), q.satisfied().highPercent()),
					q.satisfied().hidden() ? "" : q.satisfied().n())));
		}
		for (var group : List.of(d.departments(), d.teams(), d.months())) {
			for (var g : group) {
				csv.append(CsvWriter.row(List.of(group == d.teams() ? "team" : group == d.months() ? "month" : "department", g.label(),
						g.hidden() ? "" : g.answers(), g.hidden() ? "" : g.invited(),
						pct(g.satisfied().hidden(), g.satisfied().percent()), pct(g.satisfied().hidden(), g.satisfied().lowPercent()),
						pct(g.satisfied().hidden(), g.satisfied().highPercent()), g.satisfied().hidden() ? "" : g.satisfied().n())));
			}
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kandidaternes-evaluering.csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The same figures as an Excel workbook (Apache POI). Text goes in as text cells, never as formulas, so a label
	 * such as "=HYPERLINK(...)" cannot run in Excel; hidden figures are empty cells.
	 */
	@GetMapping(value = "/insights/surveys.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) YearMonth from, @RequestParam(required = false) YearMonth to,
			@RequestParam(required = false) Long team, @RequestParam(required = false) String targetGroup,
			@RequestParam(required = false) String question, Locale locale) throws IOException {
		Dashboard d = dashboards.dashboard(filter(from, to, team, targetGroup), question, locale, false);
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
			var questions = workbook.createSheet("Spørgsmål");
			row(questions, 0, "Spørgsmål", "Andel positive (%)", "95 %-interval fra", "95 %-interval til", "Antal svar");
			int r = 1;
			for (var q : d.questions()) {
				var rate = q.satisfied();
				row(questions, r++, q.text(), rate.hidden() ? null : rate.percent(), rate.hidden() ? null : rate.lowPercent(),
						rate.hidden() ? null : rate.highPercent(), rate.hidden() ? null : rate.n());
			}
			var all = workbook.createSheet("I alt");
			row(all, 0, "Svar", "Samtaler", "Positive kandidater (%)", "95 %-interval fra", "95 %-interval til",
					"Antal kandidater");
			var p = d.positive();
			row(all, 1, d.totalHidden() ? null : d.answers(), d.totalHidden() ? null : d.invited(),
					p.hidden() ? null : p.percent(), p.hidden() ? null : p.lowPercent(), p.hidden() ? null : p.highPercent(),
					p.hidden() ? null : p.n());
			for (var group : List.of(d.departments(), d.teams(), d.months())) {
				var sheet = workbook.createSheet(group == d.teams() ? "Teams" : group == d.months() ? "Måneder" : "Afdelinger");
				row(sheet, 0, "Gruppe", "Svar", "Samtaler", "Svarprocent",
						d.question() == null ? "Positive kandidater (%)" : "Andel positive svar (%): " + d.questionText(),
						"95 %-interval fra", "95 %-interval til", d.question() == null ? "Antal kandidater" : "Antal svar");
				int i = 1;
				for (var g : group) {
					var s = g.satisfied();
					row(sheet, i++, g.label(), g.hidden() ? null : g.answers(), g.hidden() ? null : g.invited(),
							g.responseRate().hidden() ? null : g.responseRate().percent(), s.hidden() ? null : s.percent(),
							s.hidden() ? null : s.lowPercent(), s.hidden() ? null : s.highPercent(), s.hidden() ? null : s.n());
				}
			}
			workbook.write(out);
			return ResponseEntity.ok()
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"kandidaternes-evaluering.xlsx\"")
				.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.body(out.toByteArray());
		}
	}

	private static void row(org.apache.poi.ss.usermodel.Sheet sheet, int index, Object... values) {
		var row = sheet.createRow(index);
		for (int c = 0; c < values.length; c++) {
			var cell = row.createCell(c);
			if (values[c] instanceof Number n) {
				cell.setCellValue(n.doubleValue());
			}
			else if (values[c] != null) {
				cell.setCellValue(String.valueOf(values[c]));
			}
		}
	}

	private static String pct(boolean hidden, long value) {
		return hidden ? "" : String.valueOf(value);
	}
}
