package dk.vaerdig.letters.web;

import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.casework.Casework;
import dk.vaerdig.letters.internal.LetterSending;
import dk.vaerdig.letters.internal.OutboxChannel;
import dk.vaerdig.platform.NotFoundOrNoAccess;

/**
 * The development delivery channel's outbox: the letters as a candidate would get them. A letter is personal data of
 * its candidate, so it opens by the case rule (only for those who may open the candidate's case, the read logged); an
 * administrator, who sees no cases, sees no letters. A letter that does not exist and one of a case the user may not
 * open answer the same 404.
 */
@Controller
class OutboxController {

	private final OutboxChannel outbox;

	private final Casework casework;

	private final PersonalDataReads reads;

	private final LetterSending sending;

	OutboxController(OutboxChannel outbox, Casework casework, PersonalDataReads reads,
			LetterSending sending) {
		this.outbox = outbox;
		this.sending = sending;
		this.casework = casework;
		this.reads = reads;
	}

	/** The letters the signed-in caseworker or team lead sent, to candidates whose cases they may still open. */
	@ReadsPersonalData(AuditAction.VIEW_LIST)
	@GetMapping("/letters/outbox")
	@RequiresPermission(Permission.SEND_LETTERS)
	String list(Model model, Authentication user) {
		List<OutboxChannel.Stored> sent = outbox.latest(100, user.getName());
		Set<Long> visible = casework.namesVisibleToMe(sent.stream().map(OutboxChannel.Stored::candidateId).toList())
			.keySet();
		List<OutboxChannel.Stored> shown = sent.stream().filter(l -> visible.contains(l.candidateId())).toList();
		reads.shown(shown.stream().map(OutboxChannel.Stored::candidateId).toList());
		model.addAttribute("letters", shown);
		return "letters/outbox";
	}

	@ReadsPersonalData(AuditAction.VIEW_DOCUMENT)
	@GetMapping("/letters/outbox/{id}")
	String letter(@PathVariable long id, Model model) {
		OutboxChannel.Stored letter = outbox.find(id).orElseThrow(NotFoundOrNoAccess::new);
		casework.open(letter.candidateId(), "letter in outbox " + id); // records the read
		reads.shown(letter.candidateId());
		model.addAttribute("letter", letter);
		model.addAttribute("sent", sending.find(letter.letterId()).orElse(null));
		return "letters/outbox-letter";
	}
}
