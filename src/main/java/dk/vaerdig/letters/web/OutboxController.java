package dk.vaerdig.letters.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.access.Role;
import dk.vaerdig.access.SignedInRoles;
import dk.vaerdig.letters.internal.OutboxChannel;

/** The development delivery channel's outbox: the letters as a candidate would get them. */
@Controller
@PreAuthorize("hasAnyRole('CASEWORKER','TEAM_LEAD','ADMIN')")
class OutboxController {

	private final OutboxChannel outbox;

	private final PersonalDataReads reads;

	OutboxController(OutboxChannel outbox, PersonalDataReads reads) {
		this.outbox = outbox;
		this.reads = reads;
	}

	@ReadsPersonalData(AuditAction.VIEW_LIST)
	@GetMapping("/letters/outbox")
	String list(Model model, Authentication user) {
		var letters = outbox.latest(100, scope(user));
		reads.shown(letters.stream().map(OutboxChannel.Stored::candidateId).toList());
		model.addAttribute("letters", letters);
		return "letters/outbox";
	}

	@ReadsPersonalData(AuditAction.VIEW_DOCUMENT)
	@GetMapping("/letters/outbox/{id}")
	String letter(@PathVariable long id, Model model, Authentication user) {
		var letter = outbox.find(id, scope(user)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		reads.shown(letter.candidateId());
		model.addAttribute("letter", letter);
		return "letters/outbox-letter";
	}

	/** An administrator sees every letter; a caseworker the letters they sent. */
	private static String scope(Authentication user) {
		return SignedInRoles.of(user).has(Role.ADMIN) ? null : user.getName();
	}
}
