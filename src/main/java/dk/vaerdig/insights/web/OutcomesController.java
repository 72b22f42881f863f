package dk.vaerdig.insights.web;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.casework.CourseOutcome;
import dk.vaerdig.insights.internal.OutcomeFigures;
import dk.vaerdig.insights.internal.OutcomeFigures.Figures;
import dk.vaerdig.insights.internal.OutcomeFigures.Row;
import dk.vaerdig.insights.internal.Rate;
import dk.vaerdig.platform.CsvWriter;

/**
 * The outcomes of closed courses beside the dignity figures, for team leads, managers and politicians (aggregates
 * only), with a formula-safe CSV export.
 */
@NoPersonalData("figures of closed courses, aggregates under the anonymity threshold; no candidate")
@Controller
@RequiresPermission(Permission.VIEW_OUTCOMES)
class OutcomesController {

	private final OutcomeFigures figures;

	OutcomesController(OutcomeFigures figures) {
		this.figures = figures;
	}

	/** The months asked for (a malformed month or one outside 1900–2200 is refused with 400), else the default. */
	private Figures figures(YearMonth from, YearMonth to) {
		YearMonth[] period = figures.defaultPeriod();
		return figures.figures(from != null ? from : period[0], to != null ? to : period[1]);
	}

	@GetMapping("/insights/outcomes")
	String page(@RequestParam(required = false) YearMonth from, @RequestParam(required = false) YearMonth to,
			Model model) {
		Figures f = figures(from, to);
		model.addAttribute("f", f);
		model.addAttribute("kinds", CourseOutcome.values());
		model.addAttribute("breakdowns", List.of(new Breakdown("teams", f.teams()),
				new Breakdown("targetGroups", f.targetGroups()), new Breakdown("months", f.months())));
		return "insights/outcomes";
	}

	/** A breakdown shown as a table: its name (for the caption) and rows. */
	record Breakdown(String name, List<Row> rows) {
	}

	@GetMapping("/insights/outcomes.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) YearMonth from,
			@RequestParam(required = false) YearMonth to) {
		Figures f = figures(from, to);
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append(CsvWriter.row(List.of("kind", "group", "courses", "measure", "percent", "ci_low", "ci_high", "n")));
		rows(csv, "total", List.of(f.total()));
		rows(csv, "team", f.teams());
		rows(csv, "target_group", f.targetGroups());
		rows(csv, "month", f.months());
		for (var d : f.dignity()) {
			csv.append(line("dignity", d.rating().name(), d.hidden() ? "" : d.courses(), "job", d.job()));
		}
		csv.append(line("dignity_reference", "", "", "positive_respondents", f.reference()));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"forloebenes-resultater.csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static void rows(StringBuilder csv, String kind, List<Row> rows) {
		for (Row r : rows) {
			Object courses = r.hidden() ? "" : r.courses();
			CourseOutcome[] kinds = CourseOutcome.values();
			for (int i = 0; i < kinds.length; i++) {
				csv.append(line(kind, r.label(), courses, kinds[i].name(), r.outcomes().get(i)));
			}
			csv.append(line(kind, r.label(), courses, "job", r.job()));
			csv.append(line(kind, r.label(), courses, "back_within_3_months", r.back3()));
			csv.append(line(kind, r.label(), courses, "back_within_12_months", r.back12()));
		}
	}

	private static String line(String kind, String group, Object courses, String measure, Rate rate) {
		List<Object> cells = new ArrayList<>(List.of(kind, group, courses, measure));
		cells.add(rate.hidden() ? "" : rate.percent());
		cells.add(rate.hidden() ? "" : rate.lowPercent());
		cells.add(rate.hidden() ? "" : rate.highPercent());
		cells.add(rate.hidden() ? "" : rate.n());
		return CsvWriter.row(cells);
	}
}
