package dk.vaerdig.complaints.web;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.complaints.internal.LearningReport;
import dk.vaerdig.platform.CsvWriter;

/** The monthly learning report, printable and exportable; aggregates only. */
@NoPersonalData("aggregates under the anonymity threshold; no candidate")
@Controller
@RequiresPermission(Permission.VIEW_LEARNING_REPORT)
class ReportController {

	private final LearningReport reports;

	ReportController(LearningReport reports) {
		this.reports = reports;
	}

	/** The month asked for, this month if none; a malformed month or one outside 1900–2200 is refused with 400. */
	private static YearMonth month(YearMonth month) {
		return month == null ? YearMonth.now() : month;
	}

	@GetMapping("/complaints/report")
	String report(@RequestParam(required = false) YearMonth month, Model model) {
		model.addAttribute("r", reports.report(month(month)));
		return "complaints/report";
	}

	@GetMapping("/complaints/report.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) YearMonth month) {
		var r = reports.report(month(month));
		StringBuilder csv = new StringBuilder("\uFEFF");
		csv.append(CsvWriter.row(List.of("kind", "group", "complaints", "meetings", "per_1000_meetings")));
		csv.append(line("total", new LearningReport.Row(r.month().toString(), r.complaints(), r.meetings(), r.totalHidden())));
		for (var row : r.teams()) {
			csv.append(line("team", row));
		}
		for (var row : r.themes()) {
			csv.append(line("theme", row));
		}
		for (var row : r.trend()) {
			csv.append(line("month", row));
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"klager-" + r.month() + ".csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static String line(String kind, LearningReport.Row row) {
		return CsvWriter.row(List.of(kind, row.label(), row.hidden() ? "" : row.complaints(),
				row.meetings() == 0 ? "" : row.meetings(),
				row.hidden() || row.meetings() == 0 ? "" : String.format(Locale.ROOT, "%.1f", row.perThousand())));
	}
}
