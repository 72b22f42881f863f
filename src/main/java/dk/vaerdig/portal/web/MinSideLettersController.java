package dk.vaerdig.portal.web;

import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.AuditLog;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.casework.OwnCourses;
import dk.vaerdig.letters.OwnLetters;

/**
 * The letters sent to the candidate: the list, each letter on the page and as PDF. A letter id of another candidate is
 * answered as a letter that does not exist (404, the candidate's not-found page); the candidate's id is never in the
 * address.
 */
@Controller
class MinSideLettersController {

	private final OwnLetters letters;

	private final OwnCourses courses;

	private final PersonalDataReads reads;

	private final AuditLog audit;

	MinSideLettersController(OwnLetters letters, OwnCourses courses, PersonalDataReads reads, AuditLog audit) {
		this.audit = audit;
		this.letters = letters;
		this.courses = courses;
		this.reads = reads;
	}

	@ReadsPersonalData(AuditAction.VIEW_DOCUMENT)
	@GetMapping("/min-side/breve")
	String list(Model model) {
		model.addAttribute("letters", letters.list());
		reads.shown(List.of(courses.myId()), "min side: letters");
		return "portal/letters";
	}

	@ReadsPersonalData(AuditAction.VIEW_DOCUMENT)
	@GetMapping("/min-side/breve/{id}")
	String letter(@PathVariable long id, Model model) {
		model.addAttribute("letter", letters.find(id));
		reads.shown(List.of(courses.myId()), "min side: letter " + id);
		return "portal/letter";
	}

	@ReadsPersonalData(AuditAction.EXPORT)
	@GetMapping("/min-side/breve/{id}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id, Locale locale) {
		byte[] pdf = letters.pdf(id, locale);
		MinSideDownloadController.record(audit, courses, reads, "min side: letter " + id + " as PDF");
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("brev-" + id + ".pdf").build().toString())
			.body(pdf);
	}
}
