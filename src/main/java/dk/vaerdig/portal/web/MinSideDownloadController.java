package dk.vaerdig.portal.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.AuditLog;
import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.casework.OwnCourses;
import dk.vaerdig.letters.Pdfs;
import dk.vaerdig.platform.PlatformSettings;
import dk.vaerdig.portal.PortalSettings;

/**
 * "Hent mine data" (GDPR art. 15): a page that says what the copy holds and what it leaves out, and the copy itself
 * as a readable PDF and as JSON for a machine. Making a copy is written to the audit log (an export, the candidate as
 * actor), and so is in the next copy.
 */
@Controller
class MinSideDownloadController {

	private final MyDataCopy copy;

	private final OwnCourses courses;

	private final PersonalDataReads reads;

	private final Pdfs pdfs;

	private final PlatformSettings platform;

	private final PortalSettings settings;

	private final AuditLog audit;

	MinSideDownloadController(MyDataCopy copy, OwnCourses courses, PersonalDataReads reads, Pdfs pdfs,
			PlatformSettings platform, PortalSettings settings, AuditLog audit) {
		this.settings = settings;
		this.audit = audit;
		this.copy = copy;
		this.courses = courses;
		this.reads = reads;
		this.pdfs = pdfs;
		this.platform = platform;
	}

	@NoPersonalData("says what the copy of the candidate's data holds; shows none of it")
	@GetMapping("/min-side/mine-data")
	String page(Model model) {
		model.addAttribute("showNames", settings.showEmployeeNames());
		return "portal/download";
	}

	@ReadsPersonalData(AuditAction.EXPORT)
	@GetMapping("/min-side/mine-data/pdf")
	ResponseEntity<byte[]> pdf(Locale locale) {
		MyDataCopy.MyData data = copy.mine();
		byte[] pdf = pdfs.render("portal/my-data-pdf",
				Map.of("data", data, "dates", CandidateDates.of(platform.zone(), locale), "purposes", Purposes.INSTANCE),
				locale);
		record(audit, courses, reads, "min side: copy of my data as PDF");
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("mine-data.pdf").build().toString())
			.body(pdf);
	}

	@ReadsPersonalData(AuditAction.EXPORT)
	@GetMapping(path = "/min-side/mine-data/json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<MyDataCopy.MyData> json() {
		MyDataCopy.MyData data = copy.mine();
		record(audit, courses, reads, "min side: copy of my data as JSON");
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("mine-data.json").build().toString())
			.body(data);
	}

	/**
	 * A file is sent before the handler's marker records the read, so a file is recorded here, before it is sent: an
	 * export that cannot be logged is not made (the marker then adds nothing, the candidate being recorded).
	 */
	static void record(AuditLog audit, OwnCourses courses, PersonalDataReads reads, String detail) {
		long me = courses.myId();
		audit.record(me, AuditAction.EXPORT, detail);
		reads.shown(List.of(me), detail);
	}
}
