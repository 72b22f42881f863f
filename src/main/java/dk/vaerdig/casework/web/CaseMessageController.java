package dk.vaerdig.casework.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.casework.internal.Candidate;
import dk.vaerdig.casework.internal.CaseAccess;
import dk.vaerdig.casework.internal.CaseMessages;
import dk.vaerdig.casework.internal.ContactPreferences;

/**
 * The case's message thread with the candidate, and the staff's list of candidates' messages not yet read, with the
 * day to answer by. Opening the thread, for a member of staff who may change the case, marks the candidate's
 * messages read; every read is written to the audit log.
 */
@Controller
class CaseMessageController {

	private final CaseMessages messages;

	private final ContactPreferences preferences;

	private final CaseAccess access;

	private final StaffNames names;

	private final PersonalDataReads reads;

	CaseMessageController(CaseMessages messages, ContactPreferences preferences, CaseAccess access, StaffNames names,
			PersonalDataReads reads) {
		this.messages = messages;
		this.preferences = preferences;
		this.access = access;
		this.names = names;
		this.reads = reads;
	}

	/** A message as the staff's thread shows it: who wrote it, by name and role, or "kandidaten". */
	record Line(boolean fromCandidate, String by, Instant at, String body, LocalDate replyBy,
			boolean read) {
	}

	@ReadsPersonalData(value = AuditAction.VIEW_DOCUMENT, candidate = "id")
	@GetMapping("/cases/{id}/beskeder")
	String thread(@PathVariable long id, Model model, Locale locale) {
		Candidate c = access.open(id);
		if (mayWrite(c)) {
			messages.markRead(id, true, access.me().username());
		}
		model.addAttribute("form", CaseMessageForm.empty());
		return page(c, model, locale);
	}

	@ReadsPersonalData(value = AuditAction.VIEW_DOCUMENT, candidate = "id")
	@PostMapping("/cases/{id}/beskeder")
	String write(@PathVariable long id, @Valid @ModelAttribute("form") CaseMessageForm form, BindingResult errors,
			Model model, RedirectAttributes redirect, Locale locale) {
		Candidate c = access.change(id);
		if (errors.hasErrors()) {
			return page(c, model, locale);
		}
		boolean written = messages.write(id, false, access.me().username(), form.body(), form.requestId());
		redirect.addFlashAttribute("flash", written ? "contact.staff.sent" : "contact.staff.alreadySent");
		return "redirect:/cases/" + id + "/beskeder";
	}

	private String page(Candidate c, Model model, Locale locale) {
		List<Line> lines = messages.thread(c.getId())
			.stream()
			.map(m -> new Line(m.fromCandidate(), m.fromCandidate() ? null : names.nameAndRole(m.writtenBy(), locale),
					m.writtenAt(), m.body(), m.replyBy(), m.readAt() != null))
			.toList();
		model.addAttribute("candidate", c);
		model.addAttribute("lines", lines);
		model.addAttribute("preference", preferences.of(c.getId()));
		model.addAttribute("mayWrite", mayWrite(c));
		return "casework/messages";
	}

	private boolean mayWrite(Candidate c) {
		return !c.isCourseClosed() && access.me().mayChangeCasesOfTeam(c.getTeamId());
	}

	/** The candidates' messages not yet read, of the team's cases (or every team's), the earliest deadline first. */
	@ReadsPersonalData(AuditAction.VIEW_LIST)
	@GetMapping("/beskeder")
	String inbox(@RequestParam(defaultValue = "false") boolean mine, Model model) {
		Long team = access.teamScope();
		List<CaseMessages.Unread> unread = messages.unread(team, mine ? access.me().username() : null, 200);
		reads.shown(unread.stream().map(CaseMessages.Unread::candidateId).toList(), "unanswered messages");
		model.addAttribute("unread", unread);
		model.addAttribute("mine", mine);
		return "casework/message-inbox";
	}
}
