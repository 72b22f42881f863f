package dk.vaerdig.messaging.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.NoPersonalData;
import dk.vaerdig.messaging.internal.Outbox;
import dk.vaerdig.messaging.internal.Senders;

/** The outbox: the newest messages to candidates and how their delivery went, for staff. */
@NoPersonalData("recipients are masked (…50, m…@eksempel.dk) and no message names its candidate; the text (first name and link) is shown only for the development channel, which sends nothing")
@Controller
class MessageOutboxController {

	private final Outbox outbox;

	private final Senders senders;

	MessageOutboxController(Outbox outbox, Senders senders) {
		this.outbox = outbox;
		this.senders = senders;
	}

	@GetMapping("/messaging/outbox")
	@RequiresPermission(Permission.VIEW_MESSAGE_OUTBOX)
	String outbox(@RequestParam(required = false) String purpose, Model model,
			jakarta.servlet.http.HttpServletRequest request) {
		String filter = purpose == null || purpose.isBlank() ? null : purpose;
		// the text (with the development channel only) holds candidates' names and one-time links: an administrator,
		// who sees no cases, sees how delivery went, not what was written
		boolean mayReadText = dk.vaerdig.access.SignedInUser.of(request.getUserPrincipal() instanceof org.springframework.security.core.Authentication a ? a : null)
			.may(dk.vaerdig.access.Permission.READ_MESSAGE_TEXT);
		model.addAttribute("purpose", filter);
		model.addAttribute("purposes", outbox.purposes());
		model.addAttribute("messages", outbox.latest(filter, 100)
			.stream()
			.map(m -> MessageView.of(m, mayReadText && senders.development(m.channel())))
			.toList());
		return "messaging/outbox";
	}
}
