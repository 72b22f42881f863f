package dk.vaerdig.insights.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dk.vaerdig.access.Role;
import dk.vaerdig.access.SignedInRoles;
import dk.vaerdig.access.StaffDirectory;
import dk.vaerdig.platform.CsvWriter;
import dk.vaerdig.insights.internal.SurveyDashboards;
import dk.vaerdig.insights.internal.SurveyDashboards.Dashboard;
import dk.vaerdig.surveys.SurveyFigures.Filter;

/** The evaluation dashboard for staff and politicians (aggregates only), with a formula-safe CSV export. */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER','TEAM_LEAD','MANAGER','COMMUNICATION','POLITICIAN','COMPLAINT_HANDLER','ADMIN')")
class DashboardController {

	private final SurveyDashboards dashboards;

	private final StaffDirectory staff;

	private final dk.vaerdig.surveys.SurveyFigures figures;

	DashboardController(SurveyDashboards dashboards, StaffDirectory staff, dk.vaerdig.surveys.SurveyFigures figures) {
		this.figures = figures;
		this.dashboards = dashboards;
		this.staff = staff;
	}

	private Filter filter(String from, String to, Long team, String targetGroup) {
		Filter d = dashboards.defaultFilter();
		var fromMonth = SurveyDashboards.month(from);
		var toMonth = SurveyDashboards.month(to);
		return new Filter(fromMonth != null ? fromMonth : d.fromMonth(), toMonth != null ? toMonth : d.toMonth(), team,
				targetGroup == null || targetGroup.isBlank() ? null : targetGroup);
	}

	@GetMapping("/insights/surveys")
	String dashboard(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long team, @RequestParam(required = false) String targetGroup, Model model,
			Locale locale, Authentication auth) {
		Filter f = filter(from, to, team, targetGroup);
		boolean politician = SignedInRoles.of(auth).has(Role.POLITICIAN);
		model.addAttribute("d", dashboards.dashboard(f, locale, !politician));
		model.addAttribute("teams", staff.teams());
		model.addAttribute("targetGroups", figures.targetGroups());
		model.addAttribute("from", f.fromMonth().toString().substring(0, 7));
		model.addAttribute("to", f.toMonth().toString().substring(0, 7));
		return "insights/surveys";
	}

	@GetMapping(value = "/insights/surveys.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long team, @RequestParam(required = false) String targetGroup, Locale locale) {
		Dashboard d = dashboards.dashboard(filter(from, to, team, targetGroup), locale, false);
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append(CsvWriter.row(List.of("kind", "group", "answers", "meetings", "satisfied_percent", "ci_low", "ci_high", "n")));
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
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Long team, @RequestParam(required = false) String targetGroup, Locale locale)
			throws java.io.IOException {
		Dashboard d = dashboards.dashboard(filter(from, to, team, targetGroup), locale, false);
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); var out = new java.io.ByteArrayOutputStream()) {
			var questions = workbook.createSheet("Spørgsmål");
			row(questions, 0, "Spørgsmål", "Andel positive (%)", "95 %-interval fra", "95 %-interval til", "Antal svar");
			int r = 1;
			for (var q : d.questions()) {
				var rate = q.satisfied();
				row(questions, r++, q.text(), rate.hidden() ? null : rate.percent(), rate.hidden() ? null : rate.lowPercent(),
						rate.hidden() ? null : rate.highPercent(), rate.hidden() ? null : rate.n());
			}
			for (var group : List.of(d.departments(), d.teams(), d.months())) {
				var sheet = workbook.createSheet(group == d.teams() ? "Teams" : group == d.months() ? "Måneder" : "Afdelinger");
				row(sheet, 0, "Gruppe", "Svar", "Samtaler", "Svarprocent", "Andel positive (%)");
				int i = 1;
				for (var g : group) {
					row(sheet, i++, g.label(), g.hidden() ? null : g.answers(), g.hidden() ? null : g.invited(),
							g.responseRate().hidden() ? null : g.responseRate().percent(),
							g.satisfied().hidden() ? null : g.satisfied().percent());
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
