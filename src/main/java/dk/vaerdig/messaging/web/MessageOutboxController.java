package dk.vaerdig.messaging.web;

import java.util.List;
import java.util.Objects;


import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.Permission;
import dk.vaerdig.access.RequiresPermission;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.messaging.internal.OutboxReaders;
import dk.vaerdig.messaging.internal.Senders;
import dk.vaerdig.platform.NotFoundOrNoAccess;

/**
 * The outbox: the newest messages to candidates and how their delivery went, for staff who work with the candidates'
 * cases. Each user sees the messages of the candidates whose cases they may open, and the messages without a candidate
 * (pop-up bookings) of their own team ({@link OutboxReaders}); every candidate shown is recorded in the audit log.
 * Roles that open no cases (administrator, politician, communication) get 403 for the list and, for a message, the
 * same 404 as for a message that does not exist or belongs to another team.
 */
@Controller
class MessageOutboxController {

	private final OutboxReaders readers;

	private final Senders senders;

	private final PersonalDataReads reads;

	MessageOutboxController(OutboxReaders readers, Senders senders, PersonalDataReads reads) {
		this.readers = readers;
		this.senders = senders;
		this.reads = reads;
	}

	@ReadsPersonalData(AuditAction.VIEW_LIST)
	@GetMapping("/messaging/outbox")
	@RequiresPermission(Permission.VIEW_MESSAGE_OUTBOX)
	String outbox(@RequestParam(required = false) String purpose, Model model) {
		String filter = purpose == null || purpose.isBlank() ? null : purpose;
		List<MessageView> messages = readers.latest(filter, 100).stream().map(this::view).toList();
		reads.shown(messages.stream().map(MessageView::candidateId).filter(Objects::nonNull).distinct().toList(),
				"messages outbox");
		model.addAttribute("purpose", filter);
		model.addAttribute("purposes", readers.purposes());
		model.addAttribute("messages", messages);
		return "messaging/outbox";
	}

	@ReadsPersonalData(AuditAction.VIEW_DOCUMENT)
	@GetMapping("/messaging/outbox/{id}")
	String message(@PathVariable long id, Model model) {
		MessageView message = readers.find(id).map(this::view).orElseThrow(NotFoundOrNoAccess::new);
		reads.shown(message.candidateId() == null ? List.of() : List.of(message.candidateId()), "message in outbox " + id);
		model.addAttribute("message", message);
		return "messaging/message";
	}

	/** The text only where the development channel keeps it from the candidate; elsewhere it holds their link. */
	private MessageView view(OutboxReaders.Readable readable) {
		return MessageView.of(readable.message(), readable.candidateName(),
				senders.development(readable.message().channel()));
	}
}
