package dk.vaerdig.casework.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dk.vaerdig.access.AuditAction;
import dk.vaerdig.access.PersonalDataReads;
import dk.vaerdig.access.ReadsPersonalData;
import dk.vaerdig.casework.internal.CaseAccess;
import dk.vaerdig.casework.internal.HandoverService;

/**
 * The work list of wishes for a new caseworker that candidates sent from Min side: each waits for a planned talk, by
 * a day counted in working days; the team lead (or a caseworker of the team) plans it with the staff's own form.
 */
@Controller
class ChangeRequestListController {

	private final HandoverService handovers;

	private final CaseAccess access;

	private final PersonalDataReads reads;

	ChangeRequestListController(HandoverService handovers, CaseAccess access, PersonalDataReads reads) {
		this.handovers = handovers;
		this.access = access;
		this.reads = reads;
	}

	@ReadsPersonalData(AuditAction.VIEW_LIST)
	@GetMapping("/change-requests")
	String waiting(Model model) {
		List<HandoverService.WaitingRequest> waiting = handovers.waitingRequests(access.teamScope(), 200);
		reads.shown(waiting.stream().map(HandoverService.WaitingRequest::candidateId).toList(),
				"wishes for a new caseworker");
		model.addAttribute("waiting", waiting);
		model.addAttribute("mayPlan", access.mayChange());
		return "casework/change-requests";
	}
}
