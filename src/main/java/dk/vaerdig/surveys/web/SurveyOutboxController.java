package dk.vaerdig.surveys.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import dk.vaerdig.access.NoPersonalData;

/** The invitations sent are messages to candidates: this old address shows them in the messaging outbox. */
@NoPersonalData("redirects to the messaging outbox")
@Controller
class SurveyOutboxController {

	@GetMapping("/surveys/outbox")
	@PreAuthorize("hasAnyRole('CASEWORKER','TEAM_LEAD','MANAGER','COMPLAINT_HANDLER','COMPANY_CONSULTANT')")
	String outbox() {
		return "redirect:/messaging/outbox?purpose=survey-invitation";
	}
}
