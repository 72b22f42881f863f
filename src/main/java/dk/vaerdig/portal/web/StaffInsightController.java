package dk.vaerdig.portal.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.AuditLog;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.casework.CandidateSummary;
import dk.vaerdig.casework.Casework;
import dk.vaerdig.letters.Pdfs;
import dk.vaerdig.platform.FieldLabel;
import dk.vaerdig.platform.PlatformSettings;

/**
 * The staff side of "Hent mine data" (GDPR art. 15, aktindsigt), for a candidate who cannot use Min side: from the
 * case page a member of staff with {@link Permission#EXPORT_PERSONAL_DATA} makes the candidate's own copy, the same
 * PDF or JSON, for a case they may open (the case file's team rule), with a reason. Who made it, for which candidate
 * and why goes in the audit log before the file is sent; a CPR number typed into the reason is masked first.
 */
@Controller
@RequiresPermission(Permission.EXPORT_PERSONAL_DATA)
class StaffInsightController {

	enum Format {
		PDF, JSON
	}

	/** The reason is required: it goes in the audit log with the export. */
	record InsightForm(
			@FieldLabel("caseInsight.reason") @NotBlank(message = "{caseInsight.reasonRequired}") @Size(max = 500,
					message = "{form.tooLong}") String reason,
			@FieldLabel("caseInsight.format") @NotNull(message = "{form.invalidChoice}") Format format) {
	}

	private static final Pattern CPR = Pattern.compile("\\b\\d{6}-?\\d{4}\\b");

	private final Casework casework;

	private final StaffInsightCopy copy;

	private final AuditLog audit;

	private final PersonalDataReads reads;

	private final Pdfs pdfs;

	private final PlatformSettings platform;

	StaffInsightController(Casework casework, StaffInsightCopy copy, AuditLog audit, PersonalDataReads reads,
			Pdfs pdfs, PlatformSettings platform) {
		this.casework = casework;
		this.copy = copy;
		this.audit = audit;
		this.reads = reads;
		this.pdfs = pdfs;
		this.platform = platform;
	}

	@ReadsPersonalData(value = AuditAction.VIEW_CASE, candidate = "id")
	@GetMapping("/cases/{id}/indsigt")
	String page(@PathVariable long id, Model model) {
		model.addAttribute("form", new InsightForm("", Format.PDF));
		return page(casework.open(id, "insight export: the form"), model);
	}

	@ReadsPersonalData(value = AuditAction.EXPORT, candidate = "id")
	@PostMapping("/cases/{id}/indsigt")
	Object export(@PathVariable long id, @Valid @ModelAttribute("form") InsightForm form, BindingResult errors,
			Model model, Locale locale, HttpServletResponse response) {
		CandidateSummary candidate = casework.open(id, "insight export");
		if (errors.hasErrors()) {
			response.setStatus(400);
			return page(candidate, model);
		}
		String detail = "insight export for the candidate as " + form.format() + ": "
				+ CPR.matcher(form.reason().strip()).replaceAll("xxxxxx-xxxx");
		MyDataCopy.MyData data = copy.of(candidate);
		// a file is sent before the handler's marker records the read: recorded here, an export not logged is not made
		audit.record(id, AuditAction.EXPORT, detail);
		reads.shown(List.of(id), detail);
		String name = "indsigt-" + id + (form.format() == Format.PDF ? ".pdf" : ".json");
		var ok = ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString());
		if (form.format() == Format.JSON) {
			return ok.contentType(MediaType.APPLICATION_JSON).body(data);
		}
		return ok.contentType(MediaType.APPLICATION_PDF)
			.body(pdfs.render("portal/my-data-pdf", Map.of("data", data, "dates",
					CandidateDates.of(platform.zone(), locale), "purposes", Purposes.INSTANCE), locale));
	}

	private String page(CandidateSummary candidate, Model model) {
		model.addAttribute("candidate", candidate);
		model.addAttribute("formats", Format.values());
		return "portal/staff-insight";
	}
}
