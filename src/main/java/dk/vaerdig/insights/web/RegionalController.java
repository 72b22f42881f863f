package dk.vaerdig.insights.web;

import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.insights.internal.regional.RegionalExports;
import dk.vaerdig.insights.internal.regional.RegionalExports.Export;

/**
 * The regional comparison (RAR): the municipality's aggregated figures as a versioned JSON export, and a page that
 * reads several municipalities' exports and sets them side by side with their intervals.
 */
@NoPersonalData("aggregate figures under the anonymity threshold; no candidate")
@Controller
@RequiresPermission(Permission.VIEW_COMMITTEE_REPORT)
class RegionalController {

	/** An export is a few kilobytes; anything much larger is not one. */
	static final long MAX_BYTES = 256 * 1024;

	static final int MAX_FILES = 30;

	private final RegionalExports exports;

	private final Clock clock;

	RegionalController(RegionalExports exports, Clock clock) {
		this.exports = exports;
		this.clock = clock;
	}

	/** The last whole calendar year, or the months asked for. */
	private YearMonth[] period(YearMonth from, YearMonth to) {
		int last = YearMonth.now(clock).getYear() - 1;
		YearMonth f = from != null ? from : YearMonth.of(last, 1);
		YearMonth t = to != null ? to : YearMonth.of(f.getYear(), 12);
		if (t.isBefore(f) || f.plusYears(5).isBefore(t)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		return new YearMonth[] { f, t };
	}

	@GetMapping("/insights/rar")
	String page(@RequestParam(required = false) YearMonth from, @RequestParam(required = false) YearMonth to,
			Model model) {
		YearMonth[] p = period(from, to);
		model.addAttribute("from", p[0]);
		model.addAttribute("to", p[1]);
		model.addAttribute("exports", List.of());
		model.addAttribute("problems", List.of());
		return "insights/rar";
	}

	@GetMapping("/insights/rar/export.json")
	ResponseEntity<byte[]> export(@RequestParam(required = false) YearMonth from,
			@RequestParam(required = false) YearMonth to) {
		YearMonth[] p = period(from, to);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"rar-eksport-" + p[0] + "-" + p[1] + ".json\"")
			.contentType(MediaType.APPLICATION_JSON)
			.body(exports.json(exports.export(p[0], p[1])));
	}

	/** The uploaded exports beside the municipality's own for the same period as the first upload (or the default). */
	@PostMapping("/insights/rar/compare")
	String compare(@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model)
			throws IOException {
		List<Export> read = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		List<MultipartFile> chosen = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
		if (chosen.size() > MAX_FILES) {
			problems.add(String.valueOf(MAX_FILES));
			chosen = chosen.subList(0, MAX_FILES);
		}
		for (MultipartFile f : chosen) {
			if (f.getSize() > MAX_BYTES) {
				problems.add(f.getOriginalFilename());
				continue;
			}
			try {
				read.add(exports.read(f.getBytes()));
			}
			catch (IllegalArgumentException e) {
				problems.add(f.getOriginalFilename());
			}
		}
		YearMonth[] p = period(null, null);
		if (!read.isEmpty() && read.get(0).period() != null) {
			try {
				p = period(YearMonth.parse(read.get(0).period().from()), YearMonth.parse(read.get(0).period().to()));
			}
			catch (RuntimeException e) {
				// the default period
			}
		}
		List<Export> all = new ArrayList<>();
		all.add(exports.export(p[0], p[1]));
		all.addAll(read);
		model.addAttribute("from", p[0]);
		model.addAttribute("to", p[1]);
		model.addAttribute("exports", all);
		model.addAttribute("codes", all.get(0).measures().stream().map(RegionalExports.MeasureFigure::code).toList());
		model.addAttribute("problems", problems);
		return "insights/rar";
	}
}
