package dk.vaerdig.insights.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.insights.internal.report.CommitteeReportCsv;
import dk.vaerdig.insights.internal.report.CommitteeReportPdf;
import dk.vaerdig.insights.internal.report.CommitteeReports;
import dk.vaerdig.insights.internal.report.ReportPeriod;

/** The employment committee's report for a quarter or a year: the page, the PDF and the CSV (aggregates only). */
@NoPersonalData("aggregate figures under the anonymity threshold, goals and dialogue meetings without names")
@Controller
@RequiresPermission(Permission.VIEW_COMMITTEE_REPORT)
class CommitteeReportController {

	private final CommitteeReports reports;

	private final CommitteeReportPdf pdf;

	private final CommitteeReportCsv csv;

	CommitteeReportController(CommitteeReports reports, CommitteeReportPdf pdf, CommitteeReportCsv csv) {
		this.reports = reports;
		this.pdf = pdf;
		this.csv = csv;
	}

	private ReportPeriod period(String text) {
		if (text == null || text.isBlank()) {
			return reports.defaultPeriod();
		}
		try {
			return ReportPeriod.parse(text);
		}
		catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "insights.report.badPeriod");
		}
	}

	@GetMapping("/insights/committee-report")
	String page(@RequestParam(required = false) String period, Locale locale, Model model) {
		model.addAttribute("r", reports.report(period(period), locale));
		return "insights/committee-report";
	}

	@GetMapping("/insights/committee-report.pdf")
	ResponseEntity<byte[]> pdf(@RequestParam(required = false) String period, Locale locale) {
		ReportPeriod p = period(period);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"udvalgsrapport-" + p.code() + ".pdf\"")
			.contentType(MediaType.APPLICATION_PDF)
			.body(pdf.pdf(reports.report(p, locale), locale));
	}

	@GetMapping("/insights/committee-report.csv")
	ResponseEntity<byte[]> csv(@RequestParam(required = false) String period, Locale locale) {
		ReportPeriod p = period(period);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"udvalgsrapport-" + p.code() + ".csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv.csv(reports.report(p, locale), locale));
	}
}
